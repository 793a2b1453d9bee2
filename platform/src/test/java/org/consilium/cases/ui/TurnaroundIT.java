package org.consilium.cases.ui;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import org.consilium.cases.CaseDetails;
import org.consilium.cases.CaseRequest;
import org.consilium.cases.CaseSummary;
import org.consilium.cases.Cases;
import org.consilium.cases.ConsentSignature;
import org.consilium.identity.ConsiliumUser;
import org.consilium.identity.Demographics;
import org.consilium.identity.PatientProfiles;
import org.consilium.support.IntegrationTest;
import org.consilium.support.KaribuSite;
import org.consilium.support.MutableClock;
import org.consilium.support.Users;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.TenantId;
import org.consilium.tenantconfig.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A submitted case gets its due date from the programme's turnaround in business days
 * (public: 10, New York time, the configured holidays), and its page shows it on track,
 * at risk from 80% of the time, and overdue after the due day.
 */
@IntegrationTest
class TurnaroundIT {

	static final TenantId PUBLIC = TenantId.of("public");

	static final ConsiliumUser PATIENT = Users.user("public", "turnaround-patient", Role.PATIENT);

	@Autowired
	ApplicationContext context;

	@Autowired
	Cases cases;

	@Autowired
	PatientProfiles profiles;

	@Autowired
	MutableClock clock;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void the_due_date_is_fixed_at_submission_and_the_case_page_shows_how_it_stands() {
		// Monday 2026-12-14, 10:00 in New York: ten business days later, with Christmas
		// Day a
		// holiday (application.yaml), is Tuesday 2026-12-29.
		this.clock.set(Instant.parse("2026-12-14T15:00:00Z"));
		CaseDetails submitted = TenantContext.callAs(PUBLIC, () -> Users.as(PATIENT, () -> {
			this.profiles
				.saveOwn(new Demographics("Turnaround Patient", LocalDate.of(1966, 6, 6), Demographics.Sex.MALE,
						"4 Main Street", "Springfield", "MA", "01101", "US", "+1 617 555 0103", "en", null));
			CaseDetails draft = this.cases.openDraft("cardiology", "How urgent is this?");
			this.cases.saveDraft(draft.id(), new CaseRequest("cardiology", List.of("How urgent is this?"), Map.of(),
					"Chest tightness.", null, null, null, null, null));
			return this.cases.submit(draft.id(),
					List.of(new ConsentSignature("telemedicine", "Turnaround Patient", null),
							new ConsentSignature("records-release", "Turnaround Patient", null)));
		}));
		assertThat(submitted.dueOn()).isEqualTo(LocalDate.of(2026, 12, 29));
		assertThat(shown(submitted)).isEqualTo("ON_TRACK");
		assertThat(dueText(submitted)).contains("Opinion due: Dec 29, 2026");

		this.clock.set(Instant.parse("2026-12-24T15:00:00Z")); // 8th business day
		assertThat(shown(submitted)).isEqualTo("AT_RISK");
		this.clock.set(Instant.parse("2026-12-30T15:00:00Z"));
		assertThat(shown(submitted)).isEqualTo("OVERDUE");

		// The coordinators' list highlights it too.
		try (KaribuSite site = KaribuSite.open(this.context, PUBLIC, Locale.ENGLISH)
			.signIn(Users.user("public", "turnaround-coordinator", Role.CASE_COORDINATOR))
			.navigate("cases")) {
			@SuppressWarnings("unchecked")
			Grid<CaseSummary> grid = _get(Grid.class, (spec) -> spec.withId("cases"));
			int row = grid.getGenericDataView().getItems().map((c) -> c.id()).toList().indexOf(submitted.id());
			assertThat(row).isNotNegative();
			Span due = (Span) GridKt._getCellComponent(grid, row, "due");
			assertThat(due.getElement().getTextRecursively()).contains("Dec 29, 2026", "Overdue");
		}
	}

	private String shown(CaseDetails medicalCase) {
		try (KaribuSite site = open(medicalCase)) {
			return _get(Span.class, (spec) -> spec.withId("case-standing")).getElement().getAttribute("data-standing");
		}
	}

	private String dueText(CaseDetails medicalCase) {
		try (KaribuSite site = open(medicalCase)) {
			return _get(Paragraph.class, (spec) -> spec.withId("case-due")).getElement().getTextRecursively();
		}
	}

	private KaribuSite open(CaseDetails medicalCase) {
		return KaribuSite.open(this.context, PUBLIC, Locale.ENGLISH)
			.signIn(PATIENT)
			.navigate("cases/" + medicalCase.reference().value());
	}

}

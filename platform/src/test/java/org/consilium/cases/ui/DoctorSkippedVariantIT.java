package org.consilium.cases.ui;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import org.consilium.cases.CaseDetails;
import org.consilium.cases.CaseRequest;
import org.consilium.cases.CaseStatus;
import org.consilium.cases.Cases;
import org.consilium.cases.ConsentSignature;
import org.consilium.identity.ConsiliumUser;
import org.consilium.identity.Demographics;
import org.consilium.identity.PatientProfiles;
import org.consilium.support.IntegrationTest;
import org.consilium.support.KaribuSite;
import org.consilium.support.TestTenantFiles;
import org.consilium.support.Users;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.TenantId;
import org.consilium.tenantconfig.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A programme that skips the local doctor: a submitted case goes straight to waiting for
 * records, and nothing about a doctor appears on the patient's pages. Runs on a test-only
 * tenant ("solo") made from the public one with {@code doctorParticipation: SKIPPED}.
 */
@IntegrationTest
class DoctorSkippedVariantIT {

	static final TestTenantFiles FILES = TestTenantFiles.copyOfShipped()
		.withTenantLikePublic("solo",
				(yaml) -> yaml.replace("doctorParticipation: REQUIRED", "doctorParticipation: SKIPPED")
					.replace("delivery: DOCTOR_FIRST", "delivery: DOCTOR_AND_PATIENT"));

	static final TenantId SOLO = TenantId.of("solo");

	@DynamicPropertySource
	static void tenantsDirectory(DynamicPropertyRegistry registry) {
		registry.add("consilium.tenancy.tenants-directory", FILES::directory);
	}

	@Autowired
	ApplicationContext context;

	@Autowired
	Cases cases;

	@Autowired
	PatientProfiles profiles;

	@Test
	void a_submitted_case_waits_for_records_and_no_page_mentions_a_doctor() {
		ConsiliumUser patient = Users.user("solo", "solo-patient", Role.PATIENT);
		CaseDetails submitted = TenantContext.callAs(SOLO, () -> Users.as(patient, () -> {
			assertThat(this.profiles
				.saveOwn(new Demographics("Solo Patient", LocalDate.of(1975, 1, 2), Demographics.Sex.MALE,
						"2 Main Street", "Springfield", "MA", "01101", "US", "+1 617 555 0101", "en", null)))
				.isEmpty();
			CaseDetails draft = this.cases.openDraft("cardiology", "Do I need surgery?");
			this.cases.saveDraft(draft.id(), new CaseRequest("cardiology", List.of("Do I need surgery?"), Map.of(),
					"Chest pain on exertion.", null, null, null, null, null));
			return this.cases.submit(draft.id(), List.of(new ConsentSignature("telemedicine", "Solo Patient", null),
					new ConsentSignature("records-release", "Solo Patient", null)));
		}));
		assertThat(submitted.status()).isEqualTo(CaseStatus.AWAITING_RECORDS);

		try (KaribuSite site = KaribuSite.open(this.context, SOLO, Locale.ENGLISH)
			.signIn(patient)
			.navigate("cases/" + submitted.reference().value())) {
			assertThat(_get(Span.class, (spec) -> spec.withId("case-status")).getText())
				.isEqualTo("Waiting for records");
			assertThat(_find(Anchor.class, (spec) -> spec.withId("doctor-link"))).isEmpty();
			assertThat(_find(Anchor.class, (spec) -> spec.withId("records-link"))).hasSize(1);
			assertThat(pageText()).doesNotContainIgnoringCase("doctor");
		}
		try (KaribuSite site = KaribuSite.open(this.context, SOLO, Locale.ENGLISH)
			.signIn(patient)
			.navigate("cases/new")) {
			_setValue(_get(com.vaadin.flow.component.select.Select.class, (spec) -> spec.withId("specialty")),
					"oncology");
			_setValue(_get(com.vaadin.flow.component.textfield.TextArea.class, (spec) -> spec.withId("question-1")),
					"Is chemotherapy needed?");
			assertThat(_get(Paragraph.class, (spec) -> spec.withId("request-reference")).getText())
				.doesNotContainIgnoringCase("doctor")
				.contains("Quote it on anything you send us");
		}
	}

	private static String pageText() {
		return UI.getCurrent().getElement().getTextRecursively();
	}

}

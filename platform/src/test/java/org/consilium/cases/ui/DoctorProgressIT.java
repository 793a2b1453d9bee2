package org.consilium.cases.ui;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.vaadin.flow.component.html.Span;
import org.consilium.cases.CaseDetails;
import org.consilium.cases.CasePhysicians;
import org.consilium.cases.CaseRequest;
import org.consilium.cases.CaseStatus;
import org.consilium.cases.Cases;
import org.consilium.cases.ConsentSignature;
import org.consilium.cases.DoctorProgress.Stage;
import org.consilium.identity.ConsiliumUser;
import org.consilium.identity.Demographics;
import org.consilium.identity.PatientProfiles;
import org.consilium.support.IntegrationTest;
import org.consilium.support.KaribuSite;
import org.consilium.support.Users;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.TenantId;
import org.consilium.tenantconfig.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The patient's case page follows the local doctor through their part: not invited,
 * invited (whom, when), joined, completed — and the case moves on when the doctor is
 * done.
 */
@IntegrationTest
class DoctorProgressIT {

	static final TenantId PUBLIC = TenantId.of("public");

	static final ConsiliumUser PATIENT = Users.user("public", "progress-patient", Role.PATIENT);

	static final ConsiliumUser DOCTOR = Users.user("public", "progress-doctor", Role.REFERRING_PHYSICIAN);

	@Autowired
	ApplicationContext context;

	@Autowired
	Cases cases;

	@Autowired
	CasePhysicians physicians;

	@Autowired
	PatientProfiles profiles;

	@Test
	void the_case_page_shows_each_stage_of_the_doctors_part() {
		CaseDetails submitted = asPatient(() -> {
			this.profiles
				.saveOwn(new Demographics("Progress Patient", LocalDate.of(1970, 4, 5), Demographics.Sex.FEMALE,
						"3 Main Street", "Springfield", "MA", "01101", "US", "+1 617 555 0102", "en", null));
			CaseDetails draft = this.cases.openDraft("cardiology", "Is my pacemaker still right for me?");
			this.cases.saveDraft(draft.id(),
					new CaseRequest("cardiology", List.of("Is my pacemaker still right for me?"), Map.of(),
							"Dizzy spells.", null, null, null, null, null));
			return this.cases.submit(draft.id(), List.of(new ConsentSignature("telemedicine", "Progress Patient", null),
					new ConsentSignature("records-release", "Progress Patient", null)));
		});
		assertThat(submitted.status()).isEqualTo(CaseStatus.AWAITING_PHYSICIAN);
		assertThat(progressShown(submitted)).isEqualTo(Stage.NOT_INVITED.name());

		asPatient(() -> {
			this.physicians.physicianInvited(submitted.id(), "Dr. Ana Ruiz");
			return null;
		});
		assertThat(progressShown(submitted)).isEqualTo(Stage.INVITED.name());
		assertThat(progressText(submitted)).startsWith("Invited: Dr. Ana Ruiz, ");

		asPatient(() -> {
			this.physicians.attachPhysician(submitted.id(), DOCTOR.id());
			return null;
		});
		assertThat(progressShown(submitted)).isEqualTo(Stage.JOINED.name());

		TenantContext.callAs(PUBLIC, () -> Users.as(DOCTOR, () -> {
			this.physicians.physicianCompleted(submitted.id());
			return null;
		}));
		assertThat(progressShown(submitted)).isEqualTo(Stage.COMPLETED.name());
		CaseDetails after = asPatient(() -> this.cases.get(submitted.id()));
		assertThat(after.status()).isEqualTo(CaseStatus.AWAITING_RECORDS);
		assertThat(asPatient(() -> this.cases.timeline(submitted.id()))).extracting((entry) -> entry.what())
			.containsSubsequence("physician-invited", "physician-joined", "physician-completed");
	}

	private String progressShown(CaseDetails medicalCase) {
		return progress(medicalCase).getElement().getAttribute("data-stage");
	}

	private String progressText(CaseDetails medicalCase) {
		return progress(medicalCase).getText();
	}

	private Span progress(CaseDetails medicalCase) {
		try (KaribuSite site = KaribuSite.open(this.context, PUBLIC, Locale.ENGLISH)
			.signIn(PATIENT)
			.navigate("cases/" + medicalCase.reference().value())) {
			return _get(Span.class, (spec) -> spec.withId("doctor-progress"));
		}
	}

	private <T> T asPatient(java.util.function.Supplier<T> work) {
		return TenantContext.callAs(PUBLIC, () -> Users.as(PATIENT, work));
	}

}

package org.consilium.physician.ui;

import java.util.Locale;

import com.vaadin.flow.component.html.Div;
import org.consilium.cases.CaseNotFoundException;
import org.consilium.cases.Cases;
import org.consilium.identity.ConsiliumUser;
import org.consilium.physician.internal.DoctorFixtures;
import org.consilium.physician.internal.DoctorReportService;
import org.consilium.physician.internal.InvitationService;
import org.consilium.physician.internal.InvitationState;
import org.consilium.physician.internal.LetterService;
import org.consilium.support.IntegrationTest;
import org.consilium.support.KaribuSite;
import org.consilium.support.TestTenantFiles;
import org.consilium.support.Users;
import org.consilium.tenant.TenantId;
import org.consilium.tenant.Tenants;
import org.consilium.tenantconfig.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Where the programme skips the local doctor, nothing of the doctor exists: the doctor
 * page and the letter are "not found", no invitation can be sent, no link works. Runs on
 * a test-only tenant ("nodoc") made from the public one.
 */
@IntegrationTest
class DoctorSkippedIT {

	static final TestTenantFiles FILES = TestTenantFiles.copyOfShipped()
		.withTenantLikePublic("nodoc",
				(yaml) -> yaml.replace("doctorParticipation: REQUIRED", "doctorParticipation: SKIPPED")
					.replace("delivery: DOCTOR_FIRST", "delivery: DOCTOR_AND_PATIENT"));

	@DynamicPropertySource
	static void tenantsDirectory(DynamicPropertyRegistry registry) {
		registry.add("consilium.tenancy.tenants-directory", FILES::directory);
	}

	@Autowired
	ApplicationContext context;

	@Autowired
	Cases cases;

	@Autowired
	Tenants tenants;

	@Autowired
	InvitationService invitations;

	@Autowired
	DoctorReportService reports;

	@Autowired
	LetterService letters;

	@Test
	void nothing_of_the_doctor_exists_where_the_programme_skips_them() {
		ConsiliumUser patient = Users.user("nodoc", "nodoc-patient", Role.PATIENT);
		String reference = DoctorFixtures.submittedCase(this.cases, this.tenants, "nodoc", patient).reference().value();
		try (KaribuSite site = KaribuSite.open(this.context, TenantId.of("nodoc"), Locale.ENGLISH)
			.signIn(patient)
			.navigate("cases/" + reference + "/doctor")) {
			assertThat(_find(Div.class, (spec) -> spec.withId("not-found"))).hasSize(1);
			assertThat(_find(Div.class, (spec) -> spec.withId("invite-form"))).isEmpty();
		}
		assertThatThrownBy(() -> DoctorFixtures.onSite("nodoc", patient, () -> this.invitations.invite(reference,
				"Dr. No", DoctorFixtures.newAddress(), "Clinic", Locale.ENGLISH)))
			.isInstanceOf(CaseNotFoundException.class);
		assertThat(DoctorFixtures.onSite("nodoc", patient, () -> this.letters.letter(reference, Locale.ENGLISH)))
			.isEmpty();
		assertThat(DoctorFixtures.onSite("nodoc", patient, () -> this.invitations.status(reference))).isEmpty();
		assertThat(DoctorFixtures.onSite("nodoc", patient, () -> this.reports.report(reference))).isEmpty();
		assertThat(DoctorFixtures.onSite("nodoc", null, () -> this.invitations.lookup("any-token")).state())
			.isEqualTo(InvitationState.UNKNOWN);
	}

}

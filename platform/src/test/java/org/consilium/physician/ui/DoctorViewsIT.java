package org.consilium.physician.ui;

import java.util.Locale;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.consilium.cases.CaseDetails;
import org.consilium.cases.CaseMaterials.MaterialChannel;
import org.consilium.cases.CaseMaterials.MaterialKind;
import org.consilium.cases.CaseStatus;
import org.consilium.cases.Cases;
import org.consilium.identity.ConsiliumUser;
import org.consilium.physician.internal.DoctorFixtures;
import org.consilium.physician.internal.InvitationService;
import org.consilium.support.IntegrationTest;
import org.consilium.support.KaribuSite;
import org.consilium.support.TestMail;
import org.consilium.support.Users;
import org.consilium.tenant.TenantId;
import org.consilium.tenant.Tenants;
import org.consilium.tenantconfig.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The doctor's pages as people use them: the patient invites from the case's doctor page
 * (messages next to the fields), the doctor registers on the invitation page and
 * completes the form, the patient then sees "completed"; other people's cases are "not
 * found".
 */
@IntegrationTest
class DoctorViewsIT {

	@Autowired
	ApplicationContext context;

	@Autowired
	Cases cases;

	@Autowired
	Tenants tenants;

	@Autowired
	InvitationService invitations;

	@Autowired
	org.consilium.identity.DemoAccounts demo;

	@Test
	void the_patient_invites_the_doctor_registers_and_completes_and_the_patient_sees_it() {
		ConsiliumUser patient = Users.user("public", "dr-view-patient", Role.PATIENT);
		CaseDetails medicalCase = DoctorFixtures.submittedCase(this.cases, this.tenants, "public", patient);
		String reference = medicalCase.reference().value();
		String email = DoctorFixtures.newAddress();
		try (KaribuSite site = KaribuSite.open(this.context, TenantId.of("public"), Locale.ENGLISH)
			.signIn(patient)
			.navigate("cases/" + reference + "/doctor")) {
			assertThat(state()).isEqualTo("NONE");
			_click(_get(Button.class, (spec) -> spec.withId("send-invitation")));
			assertThat(_get(TextField.class, (spec) -> spec.withId("doctor-name")).isInvalid()).isTrue();
			assertThat(_get(EmailField.class, (spec) -> spec.withId("doctor-email")).getErrorMessage())
				.isEqualTo("Enter a valid e-mail address.");
			_setValue(_get(TextField.class, (spec) -> spec.withId("doctor-name")), "Dr. Vera Lind");
			_setValue(_get(EmailField.class, (spec) -> spec.withId("doctor-email")), email);
			_setValue(_get(TextField.class, (spec) -> spec.withId("doctor-practice")), "Lind Practice");
			_click(_get(Button.class, (spec) -> spec.withId("send-invitation")));
			assertThat(state()).isEqualTo("INVITED");
			assertThat(_get(Paragraph.class, (spec) -> spec.withId("doctor-status")).getText())
				.contains("Dr. Vera Lind", email);
			assertThat(_get(Anchor.class, (spec) -> spec.withId("letter-link")).getHref())
				.isEqualTo("cases/" + reference + "/doctor/letter.pdf?lang=en");
		}
		String token = DoctorFixtures.token(TestMail.get().awaitLink(email, "/invitation/"));

		try (KaribuSite site = KaribuSite.open(this.context, TenantId.of("public"), Locale.ENGLISH)
			.navigate("invitation/" + token)) {
			EmailField address = _get(EmailField.class, (spec) -> spec.withId("register-email"));
			assertThat(address.getValue()).isEqualTo(email);
			assertThat(address.isReadOnly()).isTrue();
			_setValue(_get(PasswordField.class, (spec) -> spec.withId("register-password")), "short");
			_click(_get(Button.class, (spec) -> spec.withId("register-doctor")));
			assertThat(_get(PasswordField.class, (spec) -> spec.withId("register-password")).isInvalid()).isTrue();
			assertThat(_get(TextField.class, (spec) -> spec.withId("register-licence")).isInvalid()).isTrue();
			_setValue(_get(PasswordField.class, (spec) -> spec.withId("register-password")), DoctorFixtures.PASSWORD);
			_setValue(_get(TextField.class, (spec) -> spec.withId("register-licence")), "MA-998877");
			_setValue(_get(TextField.class, (spec) -> spec.withId("register-specialty")), "Family medicine");
			_setValue(_get(TextField.class, (spec) -> spec.withId("register-phone")), "+1 617 555 0111");
			_click(_get(Button.class, (spec) -> spec.withId("register-doctor")));
			ConsiliumUser doctor = (ConsiliumUser) SecurityContextHolder.getContext()
				.getAuthentication()
				.getPrincipal();
			assertThat(doctor.username()).isEqualTo(email);
			site.signIn(doctor).navigate("cases/" + reference + "/doctor");
			assertThat(_get(Div.class, (spec) -> spec.withId("doctor-part"))).isNotNull();
			assertThat(_get(Anchor.class, (spec) -> spec.withId("history-link")).getHref())
				.isEqualTo("cases/" + reference + "/doctor/history");
			site.navigate("cases/" + reference + "/doctor/history");

			_click(_get(Button.class, (spec) -> spec.withId("complete-report")));
			assertThat(_get(TextArea.class, (spec) -> spec.withId("history")).isInvalid()).isTrue();
			assertThat(_get(TextArea.class, (spec) -> spec.withId("diagnosis")).isInvalid()).isTrue();
			assertThat(_get(Paragraph.class, (spec) -> spec.withId("materials-problem")).getText())
				.isEqualTo("Add at least one item to the materials list.");
			_setValue(_get(TextArea.class, (spec) -> spec.withId("history")), "Hypertension, murmur since 2020.");
			_setValue(_get(TextArea.class, (spec) -> spec.withId("diagnosis")), "Mitral regurgitation");
			_setValue(_get(TextField.class, (spec) -> spec.withId("question-0")), "Is repair possible?");
			_setValue(_get(TextField.class, (spec) -> spec.withId("material-0-description")), "Echo report");
			_click(_get(Button.class, (spec) -> spec.withId("complete-report")));
			assertThat(_get(TextField.class, (spec) -> spec.withId("material-0-description")).isInvalid()).isFalse();
			assertThat(_get(Select.class, (spec) -> spec.withId("material-0-kind")).isInvalid()).isTrue();
			select("material-0-kind", MaterialKind.MEDICAL_RECORD);
			select("material-0-channel", MaterialChannel.UPLOAD);
			_click(_get(Button.class, (spec) -> spec.withId("complete-report")));
			assertThat(_get(Paragraph.class, (spec) -> spec.withId("doctor-state")).getText())
				.isEqualTo("You completed your part. Thank you.");

			site.navigate("doctor/cases");
			assertThat(_find(Grid.class, (spec) -> spec.withId("doctor-cases"))).hasSize(1);
		}

		try (KaribuSite site = KaribuSite.open(this.context, TenantId.of("public"), Locale.ENGLISH)
			.signIn(patient)
			.navigate("cases/" + reference + "/doctor")) {
			assertThat(state()).isEqualTo("COMPLETED");
			assertThat(_find(Div.class, (spec) -> spec.withId("invite-form"))).isEmpty();
		}
		assertThat(DoctorFixtures.onSite("public", patient, () -> this.cases.get(medicalCase.id()).status()))
			.isEqualTo(CaseStatus.AWAITING_RECORDS);
	}

	@Test
	void other_peoples_and_other_tenants_cases_are_not_found_on_the_doctors_pages() {
		ConsiliumUser patient = Users.user("globex", "dr-view-owner", Role.PATIENT);
		String reference = DoctorFixtures.submittedCase(this.cases, this.tenants, "globex", patient)
			.reference()
			.value();
		for (ConsiliumUser stranger : java.util.List.of(Users.user("globex", "dr-view-stranger", Role.PATIENT),
				Users.user("globex", "dr-view-doctor", Role.REFERRING_PHYSICIAN))) {
			try (KaribuSite site = KaribuSite.open(this.context, TenantId.of("globex"), Locale.ENGLISH)
				.signIn(stranger)
				.navigate("cases/" + reference + "/doctor")) {
				assertThat(_find(Div.class, (spec) -> spec.withId("not-found"))).hasSize(1);
			}
		}
		try (KaribuSite site = KaribuSite.open(this.context, TenantId.of("public"), Locale.ENGLISH)
			.signIn(Users.user("public", "dr-view-coordinator", Role.CASE_COORDINATOR))
			.navigate("cases/" + reference + "/doctor")) {
			assertThat(_find(Div.class, (spec) -> spec.withId("not-found"))).hasSize(1);
		}
		try (KaribuSite site = KaribuSite.open(this.context, TenantId.of("globex"), Locale.ENGLISH)
			.signIn(Users.user("globex", "dr-view-doctor", Role.REFERRING_PHYSICIAN))
			.navigate("cases/" + reference + "/doctor/history")) {
			assertThat(_find(Div.class, (spec) -> spec.withId("not-found"))).hasSize(1);
		}
		try (KaribuSite site = KaribuSite.open(this.context, TenantId.of("globex"), Locale.forLanguageTag("es"))
			.navigate("invitation/not-a-real-token")) {
			Div card = _get(Div.class, (spec) -> spec.withId("invitation-unavailable"));
			assertThat(card.getElement().getAttribute("data-state")).isEqualTo("UNKNOWN");
			assertThat(card.getElement().getTextRecursively()).contains("Este enlace de invitación no se puede usar");
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void the_demo_doctor_has_joined_the_demo_patients_case() {
		ConsiliumUser demoDoctor = this.demo.usersOf(TenantId.of("public"))
			.stream()
			.filter((user) -> user.has(Role.REFERRING_PHYSICIAN))
			.findFirst()
			.orElseThrow();
		try (KaribuSite site = KaribuSite.open(this.context, TenantId.of("public"), Locale.ENGLISH)
			.signIn(demoDoctor)
			.navigate("doctor/cases")) {
			Grid<org.consilium.physician.internal.DoctorCase> grid = _get(Grid.class,
					(spec) -> spec.withId("doctor-cases"));
			assertThat(com.github.mvysny.kaributesting.v10.GridKt._findAll(grid))
				.extracting(org.consilium.physician.internal.DoctorCase::patientName)
				.contains("Pat Morgan");
		}
	}

	@SuppressWarnings("unchecked")
	private static <T> void select(String id, T value) {
		_setValue(_get(Select.class, (spec) -> spec.withId(id)), value);
	}

	private static String state() {
		return _get(Paragraph.class, (spec) -> spec.withId("doctor-status")).getElement().getAttribute("data-state");
	}

}

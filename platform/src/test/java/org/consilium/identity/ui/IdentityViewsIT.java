package org.consilium.identity.ui;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import org.consilium.support.IntegrationTest;
import org.consilium.support.KaribuSite;
import org.consilium.support.TestMail;
import org.consilium.tenant.TenantId;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sign-in pages as a patient uses them: problems next to the field, in their
 * language.
 */
@IntegrationTest
class IdentityViewsIT {

	@Autowired
	ApplicationContext context;

	@Test
	void registration_shows_each_problem_next_to_its_field_then_asks_to_check_the_mail() throws Exception {
		String email = "view-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
		try (KaribuSite site = KaribuSite.open(this.context, TenantId.of("globex"), Locale.forLanguageTag("es"))
			.navigate("register")) {
			_setValue(_get(TextField.class, (spec) -> spec.withId("legalName")), "Lucía Hernández");
			_setValue(_get(com.vaadin.flow.component.datepicker.DatePicker.class, (spec) -> spec.withId("dateOfBirth")),
					java.time.LocalDate.of(1985, 3, 14));
			_setValue(_get(com.vaadin.flow.component.select.Select.class, (spec) -> spec.withId("sex")),
					org.consilium.identity.Demographics.Sex.FEMALE);
			_setValue(_get(TextField.class, (spec) -> spec.withId("addressLine")), "Calle 1");
			_setValue(_get(TextField.class, (spec) -> spec.withId("city")), "Ciudad de México");
			_setValue(_get(com.vaadin.flow.component.combobox.ComboBox.class, (spec) -> spec.withId("country")), "MX");
			_setValue(_get(TextField.class, (spec) -> spec.withId("phone")), "+52 55 5555 0199");
			_setValue(_get(TextField.class, (spec) -> spec.withId("employeeId")), "G-9999");
			_setValue(_get(EmailField.class, (spec) -> spec.withId("email")), email);
			_setValue(_get(PasswordField.class, (spec) -> spec.withId("password")), "contraseña123");
			_setValue(_get(PasswordField.class, (spec) -> spec.withId("confirm")), "contraseña124");
			_click(_get(Button.class, (spec) -> spec.withId("register")));
			PasswordField confirm = _get(PasswordField.class, (spec) -> spec.withId("confirm"));
			assertThat(confirm.isInvalid()).isTrue();
			assertThat(confirm.getErrorMessage()).isEqualTo("Las dos contraseñas no coinciden.");
			_setValue(confirm, "contraseña123");
			_click(_get(Button.class, (spec) -> spec.withId("register")));
			PasswordField password = _get(PasswordField.class, (spec) -> spec.withId("password"));
			assertThat(password.isInvalid()).isTrue();
			assertThat(password.getErrorMessage()).contains("demasiado común");
			_setValue(password, "mi gato duerme en la ventana");
			_setValue(confirm, "mi gato duerme en la ventana");
			_click(_get(Button.class, (spec) -> spec.withId("register")));
			TextField employeeId = _get(TextField.class, (spec) -> spec.withId("employeeId"));
			assertThat(employeeId.isInvalid()).as("not in globex's census").isTrue();
			assertThat(employeeId.getErrorMessage()).contains("No le encontramos");
			_setValue(employeeId, "G-1001");
			_click(_get(Button.class, (spec) -> spec.withId("register")));
			assertThat(_get(Paragraph.class, (spec) -> spec.withId("message")).getText()).contains(email);
		}
		assertThat(TestMail.get().awaitSubject(email, "Globex").getSubject())
			.isEqualTo("Bienvenido a su beneficio Globex, Lucía Hernández: confirme su correo");
	}

	@Test
	void the_sign_in_page_offers_registration_only_where_the_programme_has_local_accounts() {
		try (KaribuSite site = KaribuSite.open(this.context, TenantId.of("public"), Locale.ENGLISH).navigate("login")) {
			assertThat(_find(Anchor.class, (spec) -> spec.withId("register-link"))).hasSize(1);
		}
		try (KaribuSite site = KaribuSite.open(this.context, TenantId.of("acme"), Locale.ENGLISH).navigate("login")) {
			assertThat(_find(Anchor.class, (spec) -> spec.withId("register-link"))).isEmpty();
			assertThat(_get(Paragraph.class, (spec) -> spec.withId("sso-note")).getText()).contains("single sign-on");
			// Invited referring doctors have password accounts even where employees use
			// single sign-on; their form sits behind a disclosure.
			com.vaadin.flow.component.details.Details passwords = _get(com.vaadin.flow.component.details.Details.class,
					(spec) -> spec.withId("password-sign-in"));
			assertThat(passwords.getSummaryText()).startsWith("Referring doctors");
			assertThat(passwords.getContent())
				.hasAtLeastOneElementOfType(com.vaadin.flow.component.login.LoginForm.class);
		}
		try (KaribuSite site = KaribuSite.open(this.context, TenantId.of("acme"), Locale.ENGLISH)
			.navigate("register")) {
			assertThat(_get(Paragraph.class, (spec) -> spec.withId("message")).getText())
				.contains("does not offer its own accounts");
			assertThat(_find(PasswordField.class)).isEmpty();
		}
	}

	@Test
	void the_sign_in_page_leads_to_the_programmes_single_sign_on_first() {
		try (KaribuSite site = KaribuSite.open(this.context, TenantId.of("acme"), Locale.ENGLISH).navigate("login")) {
			Anchor sso = _get(Anchor.class, (spec) -> spec.withId("sso-acme-sso"));
			assertThat(sso.getText()).isEqualTo("Sign in with Acme single sign-on");
			assertThat(sso.getHref()).isEqualTo("saml2/authenticate/acme-sso");
			assertThat(sso.isRouterIgnore()).as("a plain link to Spring Security, not a route").isTrue();
		}
		try (KaribuSite site = KaribuSite.open(this.context, TenantId.of("public"), Locale.ENGLISH).navigate("login")) {
			assertThat(_find(Anchor.class, (spec) -> spec.withClasses("sso-button"))).isEmpty();
		}
	}

	private static void problem(String reason, String provider) {
		UI.getCurrent().navigate("sso-problem", QueryParameters.simple(Map.of("reason", reason, "provider", provider)));
	}

	@Test
	void a_refused_single_sign_on_says_why_and_whom_to_contact() {
		try (KaribuSite site = KaribuSite.open(this.context, TenantId.of("acme"), Locale.ENGLISH)) {
			problem("not-eligible", "acme-sso");
			assertThat(_get(H2.class, (spec) -> spec.withId("sso-problem-title")).getText())
				.isEqualTo("You are not eligible for this programme");
			assertThat(_get(Paragraph.class, (spec) -> spec.withId("sso-problem")).getText())
				.contains("Acme single sign-on confirmed who you are")
				.contains("Acme Expert Medical Opinion");
			assertThat(_get(Paragraph.class, (spec) -> spec.withId("sso-contact")).getElement().getTextRecursively())
				.contains("benefits@acme.example", "+1 312 555 0199");
			assertThat(_find(Anchor.class, (spec) -> spec.withId("sso-again"))).isEmpty();
		}
		try (KaribuSite site = KaribuSite.open(this.context, TenantId.of("acme"), Locale.forLanguageTag("es"))) {
			problem("rejected", "acme-sso");
			assertThat(_get(H2.class, (spec) -> spec.withId("sso-problem-title")).getText())
				.isEqualTo("No se pudo completar el inicio de sesión");
			assertThat(_get(Anchor.class, (spec) -> spec.withId("sso-again")).getHref())
				.isEqualTo("saml2/authenticate/acme-sso");
		}
		try (KaribuSite site = KaribuSite.open(this.context, TenantId.of("acme"), Locale.ENGLISH)) {
			problem("made-up", "globex-sso");
			assertThat(_get(H2.class, (spec) -> spec.withId("sso-problem-title")).getText())
				.as("an unknown reason reads as a refusal")
				.isEqualTo("Sign-in could not be completed");
			assertThat(_get(Paragraph.class, (spec) -> spec.withId("sso-problem")).getText())
				.contains("your company’s sign-in");
		}
	}

}

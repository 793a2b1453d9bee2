package org.consilium.shell;

import java.util.List;

import org.consilium.support.Browser;
import org.consilium.support.BrowserLanguage;
import org.consilium.support.BrowserTest;
import org.consilium.support.TestDatabase;
import org.consilium.tenant.Tenant;
import org.consilium.tenant.Tenants;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sites as a visitor's browser sees them: headless Chromium against the running
 * application, each site reached by its host name. Screenshots go to
 * {@code target/screenshots/}.
 */
@BrowserTest
class BrowserJourneyIT {

	private static final String CASE_REFERENCE = "C-[0-9A-Z]{4}-[0-9A-Z]{4}";

	@LocalServerPort
	int port;

	@Autowired
	Tenants tenants;

	@Test
	void acme_and_public_show_their_own_name_and_colour(Browser browser) {
		browser.open(site("public"));
		assertThat(browser.text("#programme-name")).isEqualTo("Consilium Second Opinion");
		assertThat(browser.computedStyle(".site-header", "background-color")).isEqualTo("rgb(26, 95, 180)");
		assertThat(browser.title("Consilium Second Opinion")).isEqualTo("Consilium Second Opinion");
		browser.screenshot("public-landing");

		browser.open(site("acme"));
		assertThat(browser.text("#programme-name")).isEqualTo("Acme Expert Medical Opinion");
		assertThat(browser.computedStyle(".site-header", "background-color")).isEqualTo("rgb(176, 30, 40)");
		assertThat(browser.title("Acme Expert Medical Opinion")).isEqualTo("Acme Expert Medical Opinion");
		browser.screenshot("acme-landing");
	}

	@Test
	void each_site_explains_the_steps_of_its_own_workflow_variant(Browser browser) {
		browser.open(site("acme"));
		assertThat(steps(browser)).contains("review-second-reader").doesNotContain("doctor-required");

		browser.open(site("public"));
		assertThat(steps(browser)).contains("doctor-required").doesNotContain("review-second-reader");
	}

	@Test
	void globex_speaks_spanish_to_a_spanish_browser_and_english_to_an_english_one(
			@BrowserLanguage("es") Browser spanish, Browser english) {
		spanish.open(site("globex"));
		assertThat(spanish.text("#how-it-works h2")).isEqualTo("Cómo funciona");
		assertThat(spanish.text("#enter")).isEqualTo("Inicie sesión o cree su cuenta");
		assertThat(spanish.text("#sign-in")).isEqualTo("Iniciar sesión");
		spanish.screenshot("globex-landing-es");

		english.open(site("globex"));
		assertThat(english.text("#how-it-works h2")).isEqualTo("How it works");

		// Public offers English only, so a Spanish browser gets English there.
		spanish.open(site("public"));
		assertThat(spanish.text("#how-it-works h2")).isEqualTo("How it works");
	}

	@Test
	void a_patient_signs_in_and_opens_a_case_from_their_list(Browser browser) {
		browser.open(site("public"));
		browser.find("#sign-in").click();
		assertThat(browser.urlMatching(".*/login$")).isEqualTo(site("public") + "login");
		signIn(browser, "patient@public.example");

		assertThat(browser.text(".site-user")).isEqualTo("Pat Morgan");
		browser.find(".site-nav a[href='cases']").click();
		assertThat(browser.urlMatching(".*/cases$")).isEqualTo(site("public") + "cases");
		browser.find("#cases");
		List<WebElement> references = referenceCells(browser);
		assertThat(references).extracting(WebElement::getText)
			.containsExactlyInAnyOrderElementsOf(casesOf("public", "patient@public.example"));
		browser.screenshot("public-cases");

		WebElement chosen = references.get(0);
		String reference = chosen.getText();
		chosen.click();
		assertThat(browser.urlMatching(".*/cases/" + reference + "$")).isEqualTo(site("public") + "cases/" + reference);
		assertThat(browser.text("#case-reference")).contains(reference);
		assertThat(browser.text("#summary-questions")).isNotBlank();
		browser.screenshot("public-case");
	}

	@Test
	void a_signed_in_patient_opening_a_case_that_does_not_exist_sees_not_found(Browser browser) {
		browser.open(site("public") + "login");
		signIn(browser, "patient@public.example");

		browser.open(site("public") + "cases/C-0000-0000");
		assertThat(browser.find("#not-found").getText()).contains("Page not found");
		assertThat(browser.text(".site-user")).isEqualTo("Pat Morgan");
		assertThat(browser.pageSource()).doesNotContain("case-reference");
		browser.screenshot("public-case-not-found");
	}

	@Test
	void an_acme_employee_signs_in_through_the_development_identity_provider_and_lands_on_acmes_home(Browser browser) {
		browser.open(site("acme"));
		assertThat(browser.text("#enter")).isEqualTo("Sign in with Acme single sign-on");
		browser.find("#enter").click();
		assertThat(browser.urlMatching(".*/dev-idp/acme/sso\\?SAMLRequest=.*"))
			.startsWith(url("ops.localhost") + "dev-idp/acme/sso?SAMLRequest=");
		browser.settle();
		assertThat(browser.text("#dev-idp-banner")).startsWith("Development identity provider");
		browser.screenshot("dev-idp");

		browser.find("#employee-alex").click();
		assertThat(browser.urlMatching(".*acme\\.localhost:[0-9]+/$")).isEqualTo(site("acme"));
		browser.settle();
		assertThat(browser.text(".site-user")).isEqualTo("Alex Rivera");
		assertThat(browser.text("#programme-name")).isEqualTo("Acme Expert Medical Opinion");
		assertThat(browser.computedStyle(".site-header", "background-color")).isEqualTo("rgb(176, 30, 40)");
		browser.screenshot("acme-signed-in-through-sso");
	}

	@Test
	void an_acme_employee_whose_employment_ended_is_told_so_from_the_sign_in_page(Browser browser) {
		browser.open(site("acme") + "login");
		browser.find("#sso-acme-sso").click();
		browser.urlMatching(".*/dev-idp/acme/sso\\?SAMLRequest=.*");
		browser.settle();
		browser.find("#employee-sam").click();
		assertThat(browser.urlMatching(".*/sso-problem\\?.*"))
			.startsWith(site("acme") + "sso-problem?reason=not-eligible");
		browser.settle();
		assertThat(browser.text("#sso-problem-title")).isEqualTo("You are not eligible for this programme");
		assertThat(browser.text("#sso-contact")).contains("benefits@acme.example");
		assertThat(browser.pageSource()).doesNotContain("sign-out");
		browser.screenshot("acme-sso-not-eligible");
	}

	@Test
	void the_operator_site_shows_the_operator_home_with_every_programme(Browser browser) {
		browser.open(site("ops"));
		assertThat(browser.text(".hero h1")).isEqualTo("Consilium Operations");
		assertThat(browser.title("Consilium Operations")).isEqualTo("Consilium Operations");
		assertThat(browser.urlMatching(".*/operator$")).isEqualTo(site("ops") + "operator");
		assertThat(browser.findAll("vaadin-grid-cell-content")).extracting(WebElement::getText)
			.contains("Consilium Second Opinion", "Acme Expert Medical Opinion", "Globex Second Opinion");
		assertThat(browser.pageSource()).doesNotContain("programme-name");
		browser.screenshot("operator-home");
	}

	@Test
	void an_unknown_host_gets_the_plain_no_programme_page(Browser browser) {
		browser.open(site("nowhere"));
		assertThat(browser.text("h1")).isEqualTo("No programme at this address");
		assertThat(browser.text("body")).contains("nowhere.localhost");
		assertThat(browser.title("No programme at this address")).isEqualTo("No programme at this address");
		assertThat(browser.script("return document.getElementById('outlet') === null && !window.Vaadin;"))
			.isEqualTo(true);
	}

	@Test
	void the_bare_host_lists_the_programmes_and_links_to_their_sites(Browser browser) {
		// Other tests in the run may add programmes to the shared catalog: the directory
		// lists every active one, including the three demo programmes.
		List<Tenant> active = this.tenants.all().stream().filter(Tenant::isActive).toList();
		browser.open(url("localhost"));
		assertThat(browser.text("h1")).isEqualTo("Consilium second opinions");
		assertThat(browser.findAll("li a span")).extracting(WebElement::getText)
			.containsExactlyInAnyOrderElementsOf(
					active.stream().map((tenant) -> tenant.config().displayName()).toList())
			.contains("Consilium Second Opinion", "Acme Expert Medical Opinion", "Globex Second Opinion");
		assertThat(browser.findAll("li a")).extracting((link) -> link.getAttribute("href"))
			.containsExactlyInAnyOrderElementsOf(
					active.stream().map((tenant) -> url(tenant.config().canonicalHost())).toList())
			.contains(site("public"), site("acme"), site("globex"));
		browser.screenshot("directory");

		browser.find("li a[href='" + site("acme") + "']").click();
		browser.settle();
		assertThat(browser.text("#programme-name")).isEqualTo("Acme Expert Medical Opinion");
	}

	private void signIn(Browser browser, String username) {
		browser.find("vaadin-login-form input[name='username']").sendKeys(username);
		browser.find("vaadin-login-form input[name='password']").sendKeys("consilium-demo");
		browser.find("vaadin-login-form vaadin-button[slot='submit']").click();
		browser.find("#sign-out");
		browser.settle();
	}

	private static List<String> steps(Browser browser) {
		return browser.findAll("#how-it-works li[data-step]")
			.stream()
			.map((step) -> step.getAttribute("data-step"))
			.toList();
	}

	private static List<WebElement> referenceCells(Browser browser) {
		return browser.findAll("#cases vaadin-grid-cell-content")
			.stream()
			.filter((cell) -> cell.getText().matches(CASE_REFERENCE))
			.toList();
	}

	private static List<String> casesOf(String tenant, String patientEmail) {
		return TestDatabase.get()
			.adminJdbc()
			.queryForList("select c.reference from medical_case c join user_account u "
					+ "on u.tenant_id = c.tenant_id and u.id::text = c.patient_id where c.tenant_id = ? and u.email = ?",
					String.class, tenant, patientEmail);
	}

	private String site(String name) {
		return url(name + ".localhost");
	}

	private String url(String host) {
		return "http://" + host + ":" + this.port + "/";
	}

}

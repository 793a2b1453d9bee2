package org.consilium.shell;

import java.util.UUID;

import org.consilium.support.Browser;
import org.consilium.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new patient, on the demo set-up without any mail server: registers, finds the
 * verification e-mail in the development mailbox, follows its link, signs in.
 */
@BrowserTest
// Its own immediate sends only: the scheduled dispatcher of this context would deliver
// other tests' messages into its development mailbox instead of the real SMTP server.
@TestPropertySource(
		properties = { "consilium.notify.transport=DEV_MAILBOX", "consilium.notify.scheduled-dispatch=false" })
class PatientRegistrationBrowserIT {

	@LocalServerPort
	int port;

	static final String PASSWORD = org.consilium.support.TestPasswords.generate();

	@Test
	void a_new_patient_registers_verifies_through_the_development_mailbox_and_signs_in(Browser browser) {
		String email = "new-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
		browser.open(site() + "login");
		browser.find("#register-link").click();
		browser.find("#email input").sendKeys(email);
		browser.find("#password input").sendKeys(PASSWORD);
		browser.find("#confirm input").sendKeys(PASSWORD);
		browser.find("#legalName input").sendKeys("Noor Patel");
		browser.find("#dateOfBirth input").sendKeys("4/12/1986" + Keys.ENTER);
		browser.find("#sex").click();
		browser.find("vaadin-select-overlay vaadin-select-item").click();
		browser.find("#addressLine input").sendKeys("12 Elm Street");
		browser.find("#city input").sendKeys("Boston");
		browser.find("#country input").sendKeys("United States");
		browser.find("vaadin-combo-box-item");
		browser.findAll("vaadin-combo-box-item")
			.stream()
			.filter((item) -> item.getText().equals("United States"))
			.findFirst()
			.orElseThrow()
			.click();
		browser.find("#phone input").sendKeys("+1 617 555 0142");
		browser.screenshot("register-form");
		browser.find("#register").click();
		assertThat(browser.text("#message")).contains(email);
		browser.screenshot("register-check-mail");

		browser.open(site() + "dev/mailbox");
		assertThat(browser.text("#mailbox-warning")).startsWith("Development only");
		WebElement mail = browser.find("vaadin-details[data-to='" + email + "']");
		mail.click();
		browser.screenshot("dev-mailbox");
		String link = browser.find("vaadin-details[data-to='" + email + "'] a[href*='verify-email']")
			.getAttribute("href");
		assertThat(link).startsWith(site() + "verify-email?token=");

		browser.open(link);
		assertThat(browser.text("#message")).contains("your e-mail address is confirmed");
		browser.find("a[href='login']").click();
		browser.find("vaadin-login-form input[name='username']").sendKeys(email);
		browser.find("vaadin-login-form input[name='password']").sendKeys(PASSWORD);
		browser.find("vaadin-login-form vaadin-button[slot='submit']").click();
		browser.find("#sign-out");
		assertThat(browser.text(".site-user")).isEqualTo("Noor Patel");
		browser.screenshot("registered-patient-home");
	}

	private String site() {
		return "http://public.localhost:" + this.port + "/";
	}

}

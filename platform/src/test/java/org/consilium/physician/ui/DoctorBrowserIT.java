package org.consilium.physician.ui;

import org.consilium.cases.Cases;
import org.consilium.identity.ConsiliumUser;
import org.consilium.identity.DemoAccounts;
import org.consilium.physician.internal.DoctorFixtures;
import org.consilium.support.Browser;
import org.consilium.support.BrowserTest;
import org.consilium.support.TestMail;
import org.consilium.tenant.TenantId;
import org.consilium.tenant.Tenants;
import org.consilium.tenantconfig.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real browser: the patient invites their doctor; the doctor opens the e-mailed link
 * in their own browser, registers and lands signed in on the case's doctor page; the
 * patient then sees that the doctor has registered.
 */
@BrowserTest
class DoctorBrowserIT {

	@LocalServerPort
	int port;

	@Autowired
	Cases cases;

	@Autowired
	Tenants tenants;

	@Autowired
	DemoAccounts demo;

	@Test
	void the_doctor_registers_from_the_e_mailed_link_and_lands_on_the_case(Browser patientBrowser,
			Browser doctorBrowser) {
		ConsiliumUser patient = this.demo.usersOf(TenantId.of("public"))
			.stream()
			.filter((user) -> user.has(Role.PATIENT))
			.findFirst()
			.orElseThrow();
		String reference = DoctorFixtures.submittedCase(this.cases, this.tenants, "public", patient)
			.reference()
			.value();
		String email = DoctorFixtures.newAddress();

		signIn(patientBrowser, patient.username());
		patientBrowser.open(site() + "cases/" + reference + "/doctor");
		patientBrowser.find("#doctor-name input").sendKeys("Dr. Iris Webb");
		patientBrowser.find("#doctor-email input").sendKeys(email);
		patientBrowser.find("#doctor-practice input").sendKeys("Webb Family Practice");
		patientBrowser.find("#send-invitation").click();
		patientBrowser.find("#doctor-status[data-state='INVITED']");
		patientBrowser.screenshot("doctor-invited");

		String link = TestMail.get().awaitLink(email, "/invitation/");
		assertThat(link).startsWith(site() + "invitation/");
		doctorBrowser.open(link);
		assertThat(doctorBrowser.find("#register-email input").getAttribute("value")).isEqualTo(email);
		doctorBrowser.find("#register-password input").sendKeys(DoctorFixtures.PASSWORD);
		doctorBrowser.find("#register-licence input").sendKeys("MA-445566");
		doctorBrowser.find("#register-specialty input").sendKeys("Family medicine");
		doctorBrowser.find("#register-phone input").sendKeys("+1 617 555 0177");
		doctorBrowser.screenshot("doctor-registers");
		doctorBrowser.find("#register-doctor").click();
		doctorBrowser.find("#doctor-part");
		assertThat(doctorBrowser.text("#doctor-heading")).contains(reference);
		assertThat(doctorBrowser.find("#letter-link").getAttribute("href"))
			.contains("cases/" + reference + "/doctor/letter.pdf");
		doctorBrowser.screenshot("doctor-joined");

		patientBrowser.open(site() + "cases/" + reference + "/doctor");
		patientBrowser.find("#doctor-status[data-state='JOINED']");
	}

	private void signIn(Browser browser, String username) {
		browser.open(site() + "login");
		browser.find("vaadin-login-form input[name='username']").sendKeys(username);
		browser.find("vaadin-login-form input[name='password']").sendKeys(this.demo.password());
		browser.find("vaadin-login-form vaadin-button[slot='submit']").click();
		browser.find("#sign-out");
	}

	private String site() {
		return "http://public.localhost:" + this.port + "/";
	}

}

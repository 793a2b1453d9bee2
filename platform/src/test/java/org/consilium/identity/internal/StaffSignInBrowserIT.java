package org.consilium.identity.internal;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import org.consilium.support.Browser;
import org.consilium.support.BrowserTest;
import org.consilium.support.MutableClock;
import org.consilium.system.SecretBox;
import org.consilium.tenant.TenantId;
import org.consilium.tenantconfig.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Operator staff sign in on the operator site in a real browser: password, then the code
 * from an authenticator app (computed here from the account's secret), or on a first
 * sign-in the QR-code enrolment and the recovery codes.
 */
@BrowserTest
class StaffSignInBrowserIT {

	static final String PASSWORD = org.consilium.support.TestPasswords.generate();

	@LocalServerPort
	int port;

	@Autowired
	AccountRepository accounts;

	@Autowired
	Partitions partitions;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	SecretBox secrets;

	@Autowired
	MutableClock clock;

	@Test
	void a_platform_admin_signs_in_with_password_and_authenticator_code(Browser browser) {
		String secret = Totp.newSecret();
		String email = staff(Role.PLATFORM_ADMIN, secret);
		browser.open(ops() + "login");
		signIn(browser, email);
		assertThat(browser.urlMatching(".*/mfa$")).endsWith("/mfa");
		browser.screenshot("staff-mfa");
		browser.find("#code input").sendKeys("000000");
		browser.find("#verify").click();
		assertThat(browser.find("#code").getAttribute("invalid")).isNotNull();
		browser.find("#code input").sendKeys(Totp.code(secret, Totp.step(this.clock.instant())));
		browser.find("#verify").click();
		browser.find("#sign-out");
		assertThat(browser.text(".site-user")).isEqualTo("Browser Staff");
		assertThat(browser.find("#reload-tenants").isDisplayed()).as("a platform admin's action").isTrue();
		browser.screenshot("staff-signed-in");
	}

	@Test
	void a_new_triage_nurse_enrols_with_the_qr_code_on_first_sign_in(Browser browser) {
		String email = staff(Role.TRIAGE, null);
		browser.open(ops() + "login");
		signIn(browser, email);
		assertThat(browser.urlMatching(".*/mfa/setup$")).endsWith("/mfa/setup");
		assertThat(browser.find("svg path").isDisplayed()).as("the QR code").isTrue();
		browser.screenshot("staff-mfa-setup");
		String secret = browser.text("#secret").replace(" ", "");
		browser.find("#code input").sendKeys(Totp.code(secret, Totp.step(this.clock.instant())));
		browser.find("#confirm").click();
		assertThat(browser.findAll("#recovery-codes li")).hasSize(MfaService.RECOVERY_CODES);
		browser.screenshot("staff-recovery-codes");
		browser.find("#done").click();
		browser.find("#sign-out");
		assertThat(browser.text(".site-user")).isEqualTo("Browser Staff");
	}

	private void signIn(Browser browser, String email) {
		browser.find("vaadin-login-form input[name='username']").sendKeys(email);
		browser.find("vaadin-login-form input[name='password']").sendKeys(PASSWORD);
		browser.find("vaadin-login-form vaadin-button[slot='submit']").click();
		browser.settle();
	}

	/**
	 * A fresh staff account in the operator's partition, enrolled with the secret if
	 * given.
	 */
	private String staff(Role role, String secret) {
		// Each test at its own time, so no TOTP time step is shared with another test.
		this.clock.advance(Duration.ofHours(1 + (long) (Math.random() * 1000)));
		String email = "browser-" + UUID.randomUUID().toString().substring(0, 8) + "@ops.example";
		this.partitions.in(TenantId.PLATFORM, () -> {
			Account account = Account.verified(email, "Browser Staff", this.encoder.encode(PASSWORD), Set.of(role),
					this.clock.instant());
			if (secret != null) {
				account.enableMfa(this.secrets.seal(secret), 0, this.clock.instant());
			}
			return this.accounts.save(account);
		});
		return email;
	}

	private String ops() {
		return "http://ops.localhost:" + this.port + "/";
	}

}

package org.consilium.console.ui;

import java.util.List;

import org.consilium.identity.internal.TestTotp;
import org.consilium.support.Browser;
import org.consilium.support.BrowserTest;
import org.consilium.support.MutableClock;
import org.consilium.support.TenantConfigBackup;
import org.consilium.support.TestDatabase;
import org.consilium.tenant.TenantId;
import org.consilium.tenant.TenantVersions;
import org.consilium.tenant.TenantVersions.StoredVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Acme's benefits administrator signs in through Acme's single sign-on (with the second
 * factor every admin needs), changes the primary colour and who approves opinions in the
 * console; an Acme employee already signed in sees both on the next page they open.
 * Acme's configuration is put back afterwards.
 */
@BrowserTest
class ConsoleBrowserIT {

	static final TenantId ACME = TenantId.of("acme");

	@LocalServerPort
	int port;

	@Autowired
	TenantVersions versions;

	@Autowired
	MutableClock clock;

	TenantConfigBackup backup;

	StoredVersion original;

	@BeforeEach
	void remember() {
		this.backup = TenantConfigBackup.take(this.versions, ACME);
		this.original = this.backup.original();
		// Dana enrols a new authenticator here, whatever another test did before.
		TestDatabase.get()
			.adminJdbc()
			.update("update user_account set mfa_secret = null, mfa_enabled_at = null, mfa_last_step = null "
					+ "where tenant_id = 'acme' and email like 'dana@%'");
	}

	@AfterEach
	void putBack() {
		this.backup.restore();
	}

	@Test
	void acmes_admin_changes_the_colour_and_the_approval_and_an_employee_sees_both_on_the_next_page(Browser admin) {
		try (Browser employee = Browser.start("en")) {
			signInThroughSso(employee, "alex");
			assertThat(employee.computedStyle(".site-header", "background-color")).isEqualTo("rgb(176, 30, 40)");

			signInThroughSso(admin, "dana");
			assertThat(admin.urlMatching(".*/mfa/setup$")).endsWith("/mfa/setup");
			String secret = admin.text("#secret").replace(" ", "");
			admin.find("#code input").sendKeys(TestTotp.code(secret, this.clock.instant()));
			admin.find("#confirm").click();
			admin.find("#done").click();
			admin.find("#sign-out");

			admin.open(site() + "admin/console/branding");
			assertThat(admin.text("#console-primary-contrast")).startsWith("White text on the primary colour: 6.");
			WebElement colour = admin.find("#console-branding-primaryColor input");
			colour.sendKeys(Keys.chord(Keys.CONTROL, "a"), "#ffd700", Keys.TAB);
			admin.settle();
			assertThat(admin.text("#console-branding-primaryColor [slot='error-message']"))
				.isEqualTo("white text on #ffd700 has contrast 1.4:1; WCAG AA needs at least 4.5:1 to be readable");
			admin.screenshot("console-branding-low-contrast");
			colour.sendKeys(Keys.chord(Keys.CONTROL, "a"), "#0b5394", Keys.TAB);
			admin.settle();
			assertThat(admin.computedStyle("#console-branding-preview .preview-header", "background-color"))
				.isEqualTo("rgb(11, 83, 148)");
			admin.find("#console-note input").sendKeys("Acme blue");
			admin.find("#console-save").click();
			admin.settle();
			assertThat(admin.text("#console-status")).startsWith("Saved as version " + (this.original.version() + 1));
			admin.screenshot("console-branding-saved");

			admin.open(site() + "admin/console/workflow");
			radio(admin, "#console-workflow-approval", "Operator staff approve each opinion").click();
			admin.settle();
			assertThat(steps(admin, "#console-workflow-steps")).contains("review-staff")
				.doesNotContain("review-second-reader");
			admin.find("#console-save").click();
			admin.settle();
			assertThat(admin.text("#console-status")).startsWith("Saved as version " + (this.original.version() + 2));
			admin.screenshot("console-workflow-saved");

			employee.open(site());
			assertThat(employee.computedStyle(".site-header", "background-color")).isEqualTo("rgb(11, 83, 148)");
			assertThat(steps(employee, "#how-it-works")).contains("review-staff")
				.doesNotContain("review-second-reader");
			employee.screenshot("console-employee-next-page");

			admin.open(site() + "admin/console/versions");
			assertThat(admin.text("#console-versions")).contains("Acme blue");
			assertThat(admin.text("#console-version-changes")).contains("+   approval: STAFF")
				.contains("-   approval: SECOND_READER");
		}
	}

	private void signInThroughSso(Browser browser, String employee) {
		browser.open(site());
		browser.find("#enter").click();
		browser.urlMatching(".*/dev-idp/acme/sso\\?SAMLRequest=.*");
		browser.settle();
		browser.find("#employee-" + employee).click();
		browser.urlMatching(".*acme\\.localhost:[0-9]+/.*");
		browser.settle();
	}

	private static WebElement radio(Browser browser, String group, String label) {
		return browser.findAll(group + " vaadin-radio-button label")
			.stream()
			.filter((element) -> element.getText().equals(label))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No radio button '" + label + "' in " + group));
	}

	private static List<String> steps(Browser browser, String list) {
		return browser.findAll(list + " li[data-step]").stream().map((step) -> step.getAttribute("data-step")).toList();
	}

	private String site() {
		return "http://acme.localhost:" + this.port + "/";
	}

}

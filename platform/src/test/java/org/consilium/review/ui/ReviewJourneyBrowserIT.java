package org.consilium.review.ui;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;
import org.consilium.cases.CaseDetails;
import org.consilium.cases.CaseRequest;
import org.consilium.cases.CaseStatus;
import org.consilium.cases.Cases;
import org.consilium.identity.ConsiliumUser;
import org.consilium.identity.DemoAccounts;
import org.consilium.identity.internal.TestTotp;
import org.consilium.support.Browser;
import org.consilium.support.BrowserTest;
import org.consilium.support.MutableClock;
import org.consilium.support.TestDatabase;
import org.consilium.support.TestMail;
import org.consilium.support.Users;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.TenantId;
import org.consilium.tenantconfig.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Steps 5–7 of the process in real browsers, with the demo accounts: triage assigns a
 * public-programme case to the suggested cardiologist with a reason; the specialist
 * accepts, writes the opinion (autosaved) and submits it; the approver approves, which
 * publishes it to the doctor; the doctor opens it; the patient's e-mail arrives (SMTP)
 * and the patient reads the opinion. Operator users sign in with password and
 * authenticator code.
 */
@BrowserTest
class ReviewJourneyBrowserIT {

	static final TenantId PUBLIC = TenantId.of("public");

	@LocalServerPort
	int port;

	@Autowired
	DemoAccounts demo;

	@Autowired
	Cases cases;

	@Autowired
	MutableClock clock;

	final JdbcTemplate admin = TestDatabase.get().adminJdbc();

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void triage_review_approval_and_delivery_through_the_browser(Browser ops, Browser doctor, Browser patient) {
		ConsiliumUser patientUser = demoUser(PUBLIC, Role.PATIENT);
		ConsiliumUser doctorUser = demoUser(PUBLIC, Role.REFERRING_PHYSICIAN);
		String reference = readyCase(patientUser, doctorUser);
		// The demo approver is the one approver, so the approval comes to them.
		this.admin.update("""
				update user_account set status = 'DISABLED'
				where tenant_id = '_platform' and roles like '%APPROVER%' and email <> 'approver@ops.example'
				""");

		// Triage assigns from the suggestions, with a reason.
		signInStaff(ops, "triage@ops.example");
		ops.open(ops() + "triage/public/" + reference);
		assertThat(ops.text("#triage-suggestions")).contains("Sarah Cohen", "In the programme’s pools");
		ops.screenshot("review-triage-suggestions");
		ops.find("#assign-sp-sarah-cohen").click();
		ops.find("#reason-text textarea").sendKeys("General cardiology; fits the patient's questions.");
		ops.find("#reason-confirm").click();
		ops.urlMatching(".*/triage$");
		signOut(ops);

		// The specialist accepts, writes and submits.
		signInStaff(ops, "specialist@ops.example");
		ops.open(ops() + "work");
		assertThat(ops.text("#worklist")).contains(reference);
		ops.open(ops() + "work/public/" + reference);
		ops.find("#accept").click();
		ops.find("#opinion-summary textarea").sendKeys("Paroxysmal atrial fibrillation, well rate-controlled.");
		ops.findAll("#opinion-assessment vaadin-radio-button").get(1).click();
		ops.find("#opinion-reasoning textarea").sendKeys("Rhythm control is not needed yet; adjust the dose.");
		ops.find("#opinion-answer-0 textarea").sendKeys("Yes, with a lower dose of metoprolol.");
		ops.find("#opinion-answer-1 textarea").sendKeys("Ask about a sleep study.");
		ops.find("#opinion-recommendations textarea").sendKeys("Metoprolol 25 mg twice daily; review in 3 months.");
		ops.find("#opinion-saved");
		ops.settle();
		assertThat(ops.text("#opinion-saved")).isNotBlank();
		ops.screenshot("review-opinion-editor");
		ops.find("#submit-opinion").click();
		ops.find("#opinion-with-approver");
		signOut(ops);

		// The approver approves, which publishes the opinion to the doctor.
		signInStaff(ops, "approver@ops.example");
		ops.open(ops() + "approval/public/" + reference);
		assertThat(ops.text("#approval-heading")).contains(reference);
		ops.screenshot("review-approval");
		ops.find("#approve").click();
		ops.urlMatching(".*/work$");
		assertThat(status(reference)).isEqualTo(CaseStatus.PUBLISHED);
		signOut(ops);

		// The doctor opens it; the patient is told by e-mail.
		TestMail.get().awaitSubject(doctorUser.username(), "A second opinion is ready for your patient");
		signIn(doctor, doctorUser.username());
		doctor.open(site() + "cases/" + reference + "/opinion");
		assertThat(doctor.text("#opinion")).contains("Paroxysmal atrial fibrillation, well rate-controlled.",
				"Ask about a sleep study.");
		doctor.screenshot("review-doctor-opinion");
		MimeMessage told = TestMail.get().awaitSubject(patientUser.username(), "Your doctor has your second opinion");
		assertThat(TestMail.content(told)).doesNotContain("atrial fibrillation");
		assertThat(status(reference)).isEqualTo(CaseStatus.VIEWED_BY_PHYSICIAN);

		// The patient reads it.
		signIn(patient, patientUser.username());
		patient.open(site() + "cases/" + reference);
		patient.find("#opinion-link").click();
		assertThat(patient.text("#opinion")).contains("Metoprolol 25 mg twice daily; review in 3 months.");
		assertThat(patient.find("#opinion-pdf").getAttribute("href")).contains("/cases/" + reference + "/opinion.pdf");
		patient.screenshot("review-patient-opinion");
	}

	private String readyCase(ConsiliumUser patientUser, ConsiliumUser doctorUser) {
		CaseDetails draft = TenantContext.callAs(PUBLIC, () -> Users.as(patientUser, () -> {
			CaseDetails opened = this.cases.openDraft("cardiology", "Is the treatment right for me?");
			return this.cases.saveDraft(opened.id(),
					new CaseRequest("cardiology", List.of("Is the treatment right for me?", "What should I ask next?"),
							Map.of(), "Palpitations on stairs.", null, null, null, null, null));
		}));
		this.admin.update("""
				update medical_case set status = 'READY_FOR_TRIAGE', physician_user_id = ?, submitted_at = now(),
				    due_on = current_date + 14
				where id = ?""", doctorUser.id(), draft.id().value());
		return draft.reference().value();
	}

	private CaseStatus status(String reference) {
		return CaseStatus.valueOf(this.admin.queryForObject(
				"select status from medical_case where tenant_id = 'public' and reference = ?", String.class,
				reference));
	}

	/** Password, then the authenticator code, each operator user at a fresh time step. */
	private void signInStaff(Browser browser, String email) {
		this.clock.advance(Duration.ofMinutes(7));
		browser.open(ops() + "login");
		typeCredentials(browser, email);
		browser.urlMatching(".*/mfa$");
		browser.find("#code input").sendKeys(TestTotp.code(this.demo.totpSecret(), this.clock.instant()));
		browser.find("#verify").click();
		browser.find("#sign-out");
	}

	private void signIn(Browser browser, String email) {
		browser.open(site() + "login");
		typeCredentials(browser, email);
		browser.find("#sign-out");
	}

	private void typeCredentials(Browser browser, String email) {
		browser.find("vaadin-login-form input[name='username']").sendKeys(email);
		browser.find("vaadin-login-form input[name='password']").sendKeys(this.demo.password());
		browser.find("vaadin-login-form vaadin-button[slot='submit']").click();
		browser.settle();
	}

	private void signOut(Browser browser) {
		browser.find("#sign-out").click();
		browser.settle();
		browser.open(ops() + "login");
		browser.find("vaadin-login-form");
	}

	private ConsiliumUser demoUser(TenantId tenant, Role role) {
		return this.demo.usersOf(tenant).stream().filter((user) -> user.has(role)).findFirst().orElseThrow();
	}

	private String ops() {
		return "http://ops.localhost:" + this.port + "/";
	}

	private String site() {
		return "http://public.localhost:" + this.port + "/";
	}

}

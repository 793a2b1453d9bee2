package org.consilium.shell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.consilium.records.TestFiles;
import org.consilium.support.Browser;
import org.consilium.support.BrowserTest;
import org.consilium.support.TestMail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Steps 1–4 of the process in two real browsers on the public programme: a new patient
 * registers (verification e-mail through SMTP), asks for a second opinion through the
 * wizard and invites their doctor; the doctor registers through the e-mailed link, gives
 * the history and the materials list, uploads a PDF and a DICOM file; the patient's case
 * page then shows all of it on the timeline.
 */
@BrowserTest
class IntakeJourneyBrowserIT {

	static final String PATIENT_PASSWORD = org.consilium.support.TestPasswords.generate();

	static final String DOCTOR_PASSWORD = org.consilium.support.TestPasswords.generate();

	@LocalServerPort
	int port;

	@TempDir
	Path files;

	@Test
	void patient_and_doctor_take_a_case_from_registration_to_records(Browser patient, Browser doctor) throws Exception {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		String patientEmail = "journey-" + suffix + "@example.com";
		String doctorEmail = "dr-journey-" + suffix + "@example.com";

		register(patient, patientEmail);
		signIn(patient, patientEmail, PATIENT_PASSWORD);

		// The request wizard.
		patient.open(site() + "cases");
		patient.find("#new-case").click();
		choose(patient, "#specialty", "Cardiology");
		patient.find("#question-1 textarea").sendKeys("Is an ablation the right next step for my atrial fibrillation?");
		patient.find("#next").click();
		patient.find("#symptoms textarea").sendKeys("Palpitations and breathlessness since March.");
		patient.find("#medications textarea").sendKeys("Apixaban 5 mg twice daily");
		patient.find("#next").click();
		patient.find("#specialist");
		patient.find("#next").click();
		patient.find("#consent-telemedicine input").sendKeys("Noor Patel");
		patient.find("#consent-records-release input").sendKeys("Noor Patel");
		patient.find("#next").click();
		assertThat(patient.text("#review")).contains("Cardiology", "Is an ablation the right next step",
				"Palpitations and breathlessness since March.", "Signed as Noor Patel.");
		patient.screenshot("journey-review");
		patient.find("#submit-request").click();
		// The patient pays: submission lands on the payment page (payments are not
		// configured here).
		assertThat(patient.text("#payment-heading")).startsWith("Payment for case");
		patient.find("#payment-not-configured");
		patient.find("#payment-back").click();
		String reference = patient.text("#case-reference").replace("Case ", "").strip();
		assertThat(reference).matches("C-[0-9A-Z]{4}-[0-9A-Z]{4}");
		assertThat(patient.text("#case-status")).isEqualTo("Waiting for your doctor");

		// The patient invites their doctor.
		patient.find("#doctor-link").click();
		patient.find("#doctor-name input").sendKeys("Dr. Iris Webb");
		patient.find("#doctor-email input").sendKeys(doctorEmail);
		patient.find("#doctor-practice input").sendKeys("Webb Family Practice");
		patient.find("#send-invitation").click();
		patient.find("#doctor-status[data-state='INVITED']");

		// The doctor registers through the e-mailed link.
		String link = TestMail.get().awaitLink(doctorEmail, "/invitation/");
		doctor.open(link);
		assertThat(doctor.find("#register-email input").getAttribute("value")).isEqualTo(doctorEmail);
		doctor.find("#register-password input").sendKeys(DOCTOR_PASSWORD);
		doctor.find("#register-licence input").sendKeys("MA-445566");
		doctor.find("#register-specialty input").sendKeys("Family medicine");
		doctor.find("#register-phone input").sendKeys("+1 617 555 0177");
		doctor.find("#register-doctor").click();
		assertThat(doctor.text("#doctor-heading")).contains(reference);

		// History, working diagnosis and the materials list.
		doctor.find("#history-link").click();
		doctor.find("#history textarea").sendKeys("Paroxysmal atrial fibrillation since 2024; two cardioversions.");
		doctor.find("#diagnosis textarea").sendKeys("Symptomatic paroxysmal atrial fibrillation");
		doctor.find("#material-0-description input").sendKeys("Discharge letter, cardiology ward");
		choose(doctor, "#material-0-kind", "Medical record");
		choose(doctor, "#material-0-channel", "Upload");
		doctor.find("#material-1-description input").sendKeys("Cardiac MRI, March 2026");
		choose(doctor, "#material-1-kind", "Radiology images");
		choose(doctor, "#material-1-channel", "Upload");
		doctor.screenshot("journey-doctor-history");
		doctor.find("#complete-report").click();
		assertThat(doctor.text("#doctor-state")).isEqualTo("You completed your part. Thank you.");

		// The doctor uploads a PDF and a DICOM file.
		Path pdf = Files.write(this.files.resolve("discharge-letter.pdf"), TestFiles.pdf(2));
		Path dicom = Files.write(this.files.resolve("IM0001.dcm"), TestFiles.dicom("MR", "20260315", "Cardiac MRI"));
		doctor.find("#doctor-records-link").click();
		WebElement input = doctor.find("#record-file").getShadowRoot().findElement(By.cssSelector("input[type=file]"));
		input.sendKeys(pdf + "\n" + dicom);
		doctor.find(".upload-ok");
		doctor.settle();
		assertThat(doctor.text("#record-list")).contains("discharge-letter.pdf", "Pages: 2", "IM0001.dcm", "Study: MR",
				"Cardiac MRI");
		doctor.screenshot("journey-doctor-records");

		// The patient sees it all.
		patient.open(site() + "cases/" + reference);
		assertThat(patient.text("#case-status")).isEqualTo("Waiting for records");
		patient.find("#doctor-progress[data-stage='COMPLETED']");
		assertThat(patient.text("#timeline")).contains("You invited Dr. Iris Webb", "Your doctor joined the case",
				"Your doctor completed their part", "Materials list: 2 item(s) to come",
				"Record added: discharge-letter.pdf", "Record added: IM0001.dcm");
		patient.screenshot("journey-patient-timeline");
	}

	private void register(Browser browser, String email) {
		browser.open(site() + "login");
		browser.find("#register-link").click();
		browser.find("#email input").sendKeys(email);
		browser.find("#password input").sendKeys(PATIENT_PASSWORD);
		browser.find("#confirm input").sendKeys(PATIENT_PASSWORD);
		browser.find("#legalName input").sendKeys("Noor Patel");
		browser.find("#dateOfBirth input").sendKeys("4/12/1986" + Keys.ENTER);
		choose(browser, "#sex", "Female");
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
		browser.find("#register").click();
		assertThat(browser.text("#message")).contains(email);
		browser.open(TestMail.get().awaitLink(email, "verify-email"));
		assertThat(browser.text("#message")).contains("your e-mail address is confirmed");
	}

	private void signIn(Browser browser, String email, String password) {
		browser.open(site() + "login");
		browser.find("vaadin-login-form input[name='username']").sendKeys(email);
		browser.find("vaadin-login-form input[name='password']").sendKeys(password);
		browser.find("vaadin-login-form vaadin-button[slot='submit']").click();
		browser.find("#sign-out");
	}

	/** Opens a vaadin-select and picks the item with this label. */
	private static void choose(Browser browser, String select, String label) {
		browser.find(select).click();
		browser.find("vaadin-select-overlay[opened] vaadin-select-item");
		browser.findAll("vaadin-select-overlay[opened] vaadin-select-item")
			.stream()
			.filter((item) -> item.getText().strip().equals(label))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no item " + label + " in " + select))
			.click();
		browser.settle();
	}

	private String site() {
		return "http://public.localhost:" + this.port + "/";
	}

}

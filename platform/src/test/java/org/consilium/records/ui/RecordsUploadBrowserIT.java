package org.consilium.records.ui;

import java.nio.file.Files;
import java.nio.file.Path;

import org.consilium.records.TestFiles;
import org.consilium.support.Browser;
import org.consilium.support.BrowserTest;
import org.consilium.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The records page in a real browser: the demo patient uploads a PDF and a DICOM file
 * through Vaadin's upload (the whole path: the upload request, the handler streaming into
 * the records module under the signed-in user and the site's tenant), sees both listed,
 * and a refused file with its reason.
 */
@BrowserTest
class RecordsUploadBrowserIT {

	@LocalServerPort
	int port;

	@TempDir
	Path files;

	@Test
	void the_patient_uploads_through_the_browser_and_sees_the_records(Browser browser) throws Exception {
		String reference = TestDatabase.get()
			.adminJdbc()
			.queryForList(
					"select c.reference from medical_case c join user_account u on u.tenant_id = c.tenant_id "
							+ "and u.id::text = c.patient_id where c.tenant_id = 'public' and u.email = ? "
							+ "and c.status not in ('CLOSED', 'CANCELLED') order by c.created_at",
					String.class, "patient@public.example")
			.get(0);
		Path pdf = Files.write(this.files.resolve("discharge-letter.pdf"), TestFiles.pdf(2));
		Path dicom = Files.write(this.files.resolve("IM0001.dcm"), TestFiles.dicom("MR", "20240315", "Knee MRI"));
		Path lying = Files.write(this.files.resolve("photo.pdf"), TestFiles.image("png"));
		browser.open(site() + "login");
		browser.find("vaadin-login-form input[name='username']").sendKeys("patient@public.example");
		browser.find("vaadin-login-form input[name='password']").sendKeys("consilium-demo");
		browser.find("vaadin-login-form vaadin-button[slot='submit']").click();
		browser.find("#sign-out");
		browser.open(site() + "cases/" + reference + "/records");
		assertThat(browser.text("#records-heading")).contains(reference);
		WebElement input = browser.find("#record-file").getShadowRoot().findElement(By.cssSelector("input[type=file]"));
		input.sendKeys(pdf + "\n" + dicom + "\n" + lying);
		browser.find(".upload-error");
		browser.settle();
		assertThat(browser.findAll(".upload-ok")).extracting(WebElement::getText)
			.contains("discharge-letter.pdf is stored.", "IM0001.dcm is stored.");
		assertThat(browser.text(".upload-error"))
			.isEqualTo("photo.pdf was not stored: Its name says PDF but its content is PNG.");
		String list = browser.text("#record-list");
		assertThat(list).contains("discharge-letter.pdf", "Pages: 2", "IM0001.dcm", "Study: MR", "Knee MRI")
			.doesNotContain("photo.pdf");
		browser.screenshot("records-page");
	}

	private String site() {
		return "http://public.localhost:" + this.port + "/";
	}

}

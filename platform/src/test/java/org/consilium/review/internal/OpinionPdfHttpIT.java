package org.consilium.review.internal;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.consilium.cases.CaseDetails;
import org.consilium.identity.ConsiliumUser;
import org.consilium.identity.DemoAccounts;
import org.consilium.review.internal.ReviewFixture.Specialist;
import org.consilium.support.RunningApplicationTest;
import org.consilium.support.SiteHttpClient;
import org.consilium.support.Users;
import org.consilium.tenant.TenantId;
import org.consilium.tenantconfig.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The published opinion's PDF over real HTTP on the programme's site (session sign-in):
 * the case's doctor downloads it, branded and carrying the case; the patient of a
 * doctor-first programme waits (409) until the doctor has opened it; a patient of another
 * case and another programme's user get "not found", as for a case that does not exist.
 */
@RunningApplicationTest
class OpinionPdfHttpIT {

	static final TenantId PUBLIC = TenantId.of("public");

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	DemoAccounts demo;

	ReviewFixture fixture;

	@BeforeEach
	void fixture() {
		this.fixture = new ReviewFixture(this.context);
	}

	@AfterEach
	void retire() {
		this.fixture.retireSpecialists();
	}

	@Test
	void the_doctor_downloads_the_branded_pdf_and_strangers_find_nothing() throws IOException {
		Specialist author = this.fixture.specialist("Dr. Pdf Author", "cardiology", "general");
		ConsiliumUser casePatient = Users.user("public", "pdf-http-patient", Role.PATIENT);
		CaseDetails published = this.fixture.published(PUBLIC, "cardiology", true, author, casePatient);
		String url = site("public") + "cases/" + published.reference().value() + "/opinion.pdf?lang=en";
		ConsiliumUser doctor = this.fixture.demoUser(PUBLIC, Role.REFERRING_PHYSICIAN);

		HttpResponse<byte[]> pdf = signedIn("public", doctor).getBytes(url);

		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
		assertThat(pdf.headers().firstValue("Content-Disposition"))
			.hasValue("attachment; filename=\"second-opinion-" + published.reference().value() + ".pdf\"");
		assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		assertThat(text(pdf.body())).contains("Consilium Second Opinion", published.reference().value(),
				"Dr. Pdf Author", "Atrial fibrillation, well controlled.", "Recommendations",
				"Ask about a sleep study.");

		assertThat(signedIn("public", this.fixture.demoUser(PUBLIC, Role.PATIENT)).getBytes(url).statusCode())
			.as("a patient of another case")
			.isEqualTo(404);
		assertThat(signedIn("globex", this.fixture.demoUser(TenantId.of("globex"), Role.PATIENT))
			.getBytes(site("globex") + "cases/" + published.reference().value() + "/opinion.pdf")
			.statusCode()).as("another programme's user on their site").isEqualTo(404);
	}

	@Test
	void the_patient_of_a_doctor_first_programme_waits_for_the_doctor() {
		Specialist author = this.fixture.specialist("Dr. Waiting Pdf Author", "cardiology", "general");
		CaseDetails published = this.fixture.published(PUBLIC, "cardiology", true, author);
		String url = site("public") + "cases/" + published.reference().value() + "/opinion.pdf";
		SiteHttpClient patient = signedIn("public", this.fixture.demoUser(PUBLIC, Role.PATIENT));

		assertThat(patient.getBytes(url).statusCode()).isEqualTo(409);
		assertThat(
				signedIn("public", this.fixture.demoUser(PUBLIC, Role.REFERRING_PHYSICIAN)).getBytes(url).statusCode())
			.isEqualTo(200);
		assertThat(patient.getBytes(url).statusCode()).isEqualTo(200);
	}

	private SiteHttpClient signedIn(String tenant, ConsiliumUser user) {
		SiteHttpClient http = new SiteHttpClient(this.port);
		assertThat(http.signIn(site(tenant), user.username(), this.demo.password()).statusCode())
			.as("sign-in of " + user.username())
			.isEqualTo(302);
		return http;
	}

	private String site(String tenant) {
		return "http://" + tenant + ".localhost:" + this.port + "/";
	}

	private static String text(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document);
		}
	}

}

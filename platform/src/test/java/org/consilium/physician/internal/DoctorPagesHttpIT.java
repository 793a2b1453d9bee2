package org.consilium.physician.internal;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.consilium.cases.CaseDetails;
import org.consilium.cases.Cases;
import org.consilium.identity.ConsiliumUser;
import org.consilium.identity.DemoAccounts;
import org.consilium.support.MutableClock;
import org.consilium.support.RunningApplicationTest;
import org.consilium.support.SiteHttpClient;
import org.consilium.support.TestMail;
import org.consilium.support.Users;
import org.consilium.tenant.TenantId;
import org.consilium.tenant.Tenants;
import org.consilium.tenantconfig.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consilium.physician.internal.DoctorFixtures.newAddress;
import static org.consilium.physician.internal.DoctorFixtures.onSite;
import static org.consilium.physician.internal.DoctorFixtures.submittedCase;
import static org.consilium.physician.internal.DoctorFixtures.token;

/**
 * The doctor's pages over real HTTP: an invitation link that cannot be used shows a clear
 * page with 410 (used, revoked, expired) or 404 (unknown here, including another
 * programme's link) and changes nothing; the letter downloads as a PDF with safe headers,
 * for the case's doctor only.
 */
@RunningApplicationTest
class DoctorPagesHttpIT {

	static final ConsiliumUser PATIENT = Users.user("public", "dr-http-patient", Role.PATIENT);

	@LocalServerPort
	int port;

	@Autowired
	Cases cases;

	@Autowired
	Tenants tenants;

	@Autowired
	InvitationService invitations;

	@Autowired
	DemoAccounts demo;

	@Autowired
	MutableClock clock;

	SiteHttpClient http;

	@BeforeEach
	void newBrowser() {
		this.http = new SiteHttpClient(this.port);
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void unusable_links_show_why_with_404_or_410_and_change_nothing() {
		String reference = submittedCase(this.cases, this.tenants, "public", PATIENT).reference().value();
		String revoked = invite(reference);
		String valid = invite(reference);

		HttpResponse<String> page = this.http.get(site("public") + "invitation/" + valid);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("register-form").contains(reference);

		assertUnavailable(this.http.get(site("public") + "invitation/" + revoked), 410, "REVOKED");
		assertUnavailable(this.http.get(site("public") + "invitation/unknown-token"), 404, "UNKNOWN");
		// Another programme's host with this programme's token: never looked up there.
		HttpResponse<String> foreign = this.http.get(site("globex") + "invitation/" + valid);
		assertUnavailable(foreign, 404, "UNKNOWN");
		assertThat(foreign.body()).doesNotContain(reference);
		assertThat(onSite("public", null, () -> this.invitations.lookup(valid)).state())
			.isEqualTo(InvitationState.VALID);

		this.clock.advance(Duration.ofDays(15));
		assertUnavailable(this.http.get(site("public") + "invitation/" + valid), 410, "EXPIRED");
		this.clock.reset();

		onSite("public", Users.user("public", "dr-http-doctor", Role.REFERRING_PHYSICIAN),
				() -> this.invitations.accept(valid));
		assertUnavailable(this.http.get(site("public") + "invitation/" + valid), 410, "USED");
	}

	@Test
	void the_letter_downloads_for_the_cases_doctor_with_safe_headers() throws Exception {
		CaseDetails medicalCase = submittedCase(this.cases, this.tenants, "public", PATIENT);
		String reference = medicalCase.reference().value();
		String token = invite(reference);
		ConsiliumUser demoDoctor = this.demo.usersOf(TenantId.of("public"))
			.stream()
			.filter((user) -> user.has(Role.REFERRING_PHYSICIAN))
			.findFirst()
			.orElseThrow();
		assertThat(onSite("public", demoDoctor, () -> this.invitations.accept(token)).valid()).isTrue();

		String letter = site("public") + "cases/" + reference + "/doctor/letter.pdf?lang=en";
		assertThat(this.http.getBytes(letter).statusCode()).as("not signed in").isNotEqualTo(200);
		assertThat(this.http.signIn(site("public"), demoDoctor.username(), this.demo.password()).statusCode())
			.isEqualTo(302);
		HttpResponse<byte[]> pdf = this.http.getBytes(letter);
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
		assertThat(pdf.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(pdf.headers().firstValue("Content-Disposition"))
			.hasValue("attachment; filename=\"referring-physician-letter-" + reference + ".pdf\"");
		try (PDDocument document = Loader.loadPDF(pdf.body())) {
			assertThat(new PDFTextStripper().getText(document)).contains("Consilium Second Opinion", reference,
					PATIENT.displayName());
		}
		assertThat(this.http.get(site("public") + "cases/" + reference + "/doctor").statusCode()).isEqualTo(200);

		SiteHttpClient otherPatient = new SiteHttpClient(this.port);
		otherPatient.signIn(site("public"), "patient@public.example", this.demo.password());
		assertThat(otherPatient.getBytes(letter).statusCode()).isEqualTo(404);
		assertThat(otherPatient.get(site("public") + "cases/" + reference + "/doctor").statusCode()).isEqualTo(404);
	}

	@Test
	void a_doctor_with_an_account_signs_in_from_the_link_and_comes_back_to_it() {
		String reference = submittedCase(this.cases, this.tenants, "public", PATIENT).reference().value();
		String token = invite(reference);
		HttpResponse<String> invitation = this.http.get(site("public") + "invitation/" + token);
		assertThat(invitation.body()).contains("invitation/" + token + "/accept");
		HttpResponse<String> accept = this.http.get(site("public") + "invitation/" + token + "/accept");
		assertThat(accept.statusCode()).as("anonymous: to the sign-in").isIn(200, 302);
		if (accept.statusCode() == 302) {
			assertThat(accept.headers().firstValue("Location"))
				.hasValueSatisfying((l) -> assertThat(l).contains("login"));
		}
		else {
			assertThat(accept.body()).contains("vaadin-login-form");
		}
		ConsiliumUser demoDoctor = this.demo.usersOf(TenantId.of("public"))
			.stream()
			.filter((user) -> user.has(Role.REFERRING_PHYSICIAN))
			.findFirst()
			.orElseThrow();
		HttpResponse<String> signedIn = this.http.signIn(site("public"), demoDoctor.username(), this.demo.password());
		assertThat(signedIn.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).contains("/invitation/" + token + "/accept"));
		HttpResponse<String> back = this.http.get(site("public") + "invitation/" + token + "/accept");
		assertThat(back.statusCode()).isEqualTo(200);
		assertThat(back.body()).contains("accept-invitation");
	}

	private String invite(String reference) {
		String email = newAddress();
		assertThat(onSite("public", PATIENT,
				() -> this.invitations.invite(reference, "Dr. Web", email, "Clinic", Locale.ENGLISH)))
			.isEmpty();
		return token(TestMail.get().awaitLink(email, "/invitation/"));
	}

	private static void assertUnavailable(HttpResponse<String> response, int status, String state) {
		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.body()).contains("invitation-unavailable").contains(state);
	}

	private String site(String tenant) {
		return "http://" + tenant + ".localhost:" + this.port + "/";
	}

}

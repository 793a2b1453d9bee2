package org.consilium.physician.internal;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import jakarta.mail.internet.MimeMessage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.consilium.audit.AuditLog;
import org.consilium.audit.AuditRecord;
import org.consilium.cases.CaseDetails;
import org.consilium.cases.CaseMaterials;
import org.consilium.cases.CaseMaterials.DeclaredMaterial;
import org.consilium.cases.CaseMaterials.MaterialChannel;
import org.consilium.cases.CaseMaterials.MaterialKind;
import org.consilium.cases.CaseStatus;
import org.consilium.cases.Cases;
import org.consilium.cases.TimelineEntry;
import org.consilium.identity.ConsiliumUser;
import org.consilium.support.IntegrationTest;
import org.consilium.support.MutableClock;
import org.consilium.support.TestDatabase;
import org.consilium.support.TestMail;
import org.consilium.support.Users;
import org.consilium.tenant.Tenants;
import org.consilium.tenantconfig.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.consilium.physician.internal.DoctorFixtures.PASSWORD;
import static org.consilium.physician.internal.DoctorFixtures.newAddress;
import static org.consilium.physician.internal.DoctorFixtures.onSite;
import static org.consilium.physician.internal.DoctorFixtures.submittedCase;
import static org.consilium.physician.internal.DoctorFixtures.token;

/**
 * The local doctor end to end on the real database and a real SMTP server: the patient
 * invites, the e-mailed link registers the doctor, the doctor reads the letter (a real
 * PDF) and completes their part, the case moves on and the patient sees it.
 */
@IntegrationTest
class DoctorInvitationIT {

	static final PhysicianDetails DETAILS = new PhysicianDetails("MA-123456", "Internal medicine", "Field Clinic",
			"+1 617 555 0142", "");

	@Autowired
	Cases cases;

	@Autowired
	Tenants tenants;

	@Autowired
	InvitationService invitations;

	@Autowired
	DoctorReportService reports;

	@Autowired
	CaseMaterials materials;

	@Autowired
	LetterService letters;

	@Autowired
	MutableClock clock;

	@Autowired
	AuditLog audit;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void the_patient_invites_the_doctor_registers_from_the_e_mail_reads_the_letter_and_completes_their_part()
			throws Exception {
		ConsiliumUser patient = Users.user("public", "dr-flow-patient", Role.PATIENT);
		CaseDetails medicalCase = submittedCase(this.cases, this.tenants, "public", patient);
		String reference = medicalCase.reference().value();
		assertThat(medicalCase.status()).isEqualTo(CaseStatus.AWAITING_PHYSICIAN);
		String email = newAddress();

		assertThat(onSite("public", patient,
				() -> this.invitations.invite(reference, "Dr. Rosa Field", email, "Field Clinic", Locale.ENGLISH)))
			.isEmpty();
		MimeMessage mail = TestMail.get().latestTo(email);
		assertThat(mail.getSubject()).contains("Consilium Second Opinion");
		String link = TestMail.link(mail, "/invitation/");
		assertThat(link).startsWith("http://public.localhost:8080/invitation/");
		assertThat(TestMail.content(mail)).doesNotContain(patient.displayName());
		String token = token(link);
		assertThat(statusSeenBy(patient, reference).state()).isEqualTo(DoctorStatus.State.INVITED);

		InvitationLookup lookup = onSite("public", null, () -> this.invitations.lookup(token));
		assertThat(lookup.state()).isEqualTo(InvitationState.VALID);
		assertThat(lookup.doctorEmail()).isEqualTo(email);
		assertThat(lookup.caseReference().value()).isEqualTo(reference);

		// A weak password and a missing licence: messages per field, nothing stored.
		InvitationService.Registration refused = onSite("public", null, () -> this.invitations.register(token,
				"Rosa Field", "password1234", new PhysicianDetails("", "Internal medicine", "Field Clinic", "12", "")));
		assertThat(refused.problems()).containsKeys("password", "licence", "phone");
		assertThat(accounts(email)).isZero();
		assertThat(onSite("public", null, () -> this.invitations.lookup(token)).valid()).isTrue();

		InvitationService.Registration registered = onSite("public", null,
				() -> this.invitations.register(token, "Rosa Field", PASSWORD, DETAILS));
		assertThat(registered.problems()).isEmpty();
		ConsiliumUser doctor = registered.user();
		assertThat(doctor.roles()).containsExactly(Role.REFERRING_PHYSICIAN);
		assertThat(doctor.username()).isEqualTo(email);
		assertThat(accounts(email)).isOne();
		assertThat(statusSeenBy(patient, reference).state()).isEqualTo(DoctorStatus.State.JOINED);
		assertThat(onSite("public", null, () -> this.invitations.lookup(token)).state()).as("the link works once")
			.isEqualTo(InvitationState.USED);
		assertThat(onSite("public", null, () -> this.invitations.register(token, "Someone Else", PASSWORD, DETAILS))
			.problems()).containsKey("token");

		String text = letterText(doctor, "public", reference, "en");
		assertThat(text).contains("Consilium Second Opinion", reference, patient.displayName(),
				"Referring-physician letter", "Upload");

		assertThat(onSite("public", doctor,
				() -> this.reports.save(reference, "Draft history", "", List.of("First question?"))))
			.isEmpty();
		assertThat(onSite("public", patient, () -> this.reports.report(reference)).orElseThrow().history())
			.as("the patient reads the doctor's part too")
			.isEqualTo("Draft history");
		assertThatThrownBy(() -> onSite("public", patient, () -> this.reports.save(reference, "x", "y", List.of())))
			.as("only the doctor writes it")
			.isInstanceOf(org.springframework.security.access.AccessDeniedException.class);

		// Complete checks history, diagnosis and the materials list; nothing changes
		// until it passes.
		assertThat(onSite("public", doctor,
				() -> this.reports.complete(reference, " ", "", List.of(),
						List.of(new DeclaredMaterial("", null, null)))))
			.containsKeys("history", "diagnosis", "materials");
		assertThat(onSite("public", doctor,
				() -> this.reports.complete(reference, "History", "Diagnosis", List.of(),
						List.of(new DeclaredMaterial("Echo report", null, MaterialChannel.UPLOAD)))))
			.containsKey("material.0.kind");
		assertThat(caseSeenBy(patient, medicalCase).status()).isEqualTo(CaseStatus.AWAITING_PHYSICIAN);

		assertThat(onSite("public", doctor, () -> this.reports.complete(reference,
				"Mitral regurgitation known since 2020.", "Severe primary mitral regurgitation",
				List.of("Repair or replace?", ""),
				List.of(new DeclaredMaterial("Echocardiogram report, May 2026", MaterialKind.MEDICAL_RECORD,
						MaterialChannel.UPLOAD),
						new DeclaredMaterial("Cardiac MRI images", MaterialKind.RADIOLOGY, MaterialChannel.MAIL)))))
			.isEmpty();
		assertThat(caseSeenBy(patient, medicalCase).status()).isEqualTo(CaseStatus.AWAITING_RECORDS);
		DoctorStatus status = statusSeenBy(patient, reference);
		assertThat(status.state()).isEqualTo(DoctorStatus.State.COMPLETED);
		assertThat(status.doctorName()).isEqualTo("Dr. Rosa Field");
		assertThat(onSite("public", patient, () -> this.materials.list(medicalCase.id())))
			.extracting(CaseMaterials.Material::description)
			.containsExactly("Echocardiogram report, May 2026", "Cardiac MRI images");
		assertThat(onSite("public", doctor, () -> this.reports.report(reference)).orElseThrow().questions())
			.containsExactly("Repair or replace?");
		assertThat(onSite("public", patient, () -> this.cases.timeline(medicalCase.id())))
			.extracting(TimelineEntry::what)
			.contains("physician-invited", "physician-joined", "physician-completed");
		assertThat(onSite("public", doctor,
				() -> this.reports.complete(reference, "Again", "Again", List.of(),
						List.of(new DeclaredMaterial("More", MaterialKind.PATHOLOGY, MaterialChannel.FAX)))))
			.as("completed once")
			.containsKey("form");
		assertThat(onSite("public", null, () -> this.audit.recent(50)).stream().map(AuditRecord::action)).contains(
				"PHYSICIAN_INVITED", "PHYSICIAN_INVITATION_ACCEPTED", "PHYSICIAN_LETTER_DOWNLOADED",
				"PHYSICIAN_REPORT_COMPLETED");
	}

	@Test
	void the_letter_is_in_the_readers_language_and_for_the_cases_readers_only() throws Exception {
		ConsiliumUser patient = Users.user("globex", "dr-letter-patient", Role.PATIENT);
		CaseDetails medicalCase = submittedCase(this.cases, this.tenants, "globex", patient);
		String reference = medicalCase.reference().value();
		String spanish = letterText(patient, "globex", reference, "es");
		assertThat(spanish).contains("Carta para el médico remitente", reference, "Globex");
		assertThat(letterText(patient, "globex", reference, "en")).contains("Referring-physician letter");
		ConsiliumUser stranger = Users.user("globex", "dr-letter-stranger", Role.PATIENT);
		assertThat(onSite("globex", stranger, () -> this.letters.letter(reference, Locale.ENGLISH))).isEmpty();
		ConsiliumUser publicCoordinator = Users.user("public", "dr-letter-coordinator", Role.CASE_COORDINATOR);
		assertThat(onSite("public", publicCoordinator, () -> this.letters.letter(reference, Locale.ENGLISH))).isEmpty();
	}

	@Test
	void a_newer_invitation_revokes_the_older_and_an_expired_one_is_refused() {
		ConsiliumUser patient = Users.user("public", "dr-revoke-patient", Role.PATIENT);
		String reference = submittedCase(this.cases, this.tenants, "public", patient).reference().value();
		String first = newAddress();
		String second = newAddress();
		onSite("public", patient, () -> this.invitations.invite(reference, "Dr. One", first, "Clinic", Locale.ENGLISH));
		String firstToken = token(TestMail.get().awaitLink(first, "/invitation/"));
		onSite("public", patient,
				() -> this.invitations.invite(reference, "Dr. Two", second, "Clinic", Locale.ENGLISH));
		String secondToken = token(TestMail.get().awaitLink(second, "/invitation/"));
		assertThat(lookup("public", firstToken)).isEqualTo(InvitationState.REVOKED);
		assertThat(lookup("public", secondToken)).isEqualTo(InvitationState.VALID);
		assertThat(statusSeenBy(patient, reference).doctorEmail()).isEqualTo(second);

		for (int i = 0; i < 3; i++) {
			assertThat(onSite("public", patient,
					() -> this.invitations.invite(reference, "Dr. Two", second, "Clinic", Locale.ENGLISH)))
				.isEmpty();
		}
		assertThat(onSite("public", patient,
				() -> this.invitations.invite(reference, "Dr. Two", second, "Clinic", Locale.ENGLISH)))
			.as("five invitations a day per case")
			.containsEntry("email", List.of("physician.error.too-many-invitations"));
		List<String> tokens = fourMailsTo(second).stream().map((m) -> token(TestMail.link(m, "/invitation/"))).toList();
		assertThat(tokens.stream().map((t) -> lookup("public", t))).as("only the newest link works")
			.containsExactlyInAnyOrder(InvitationState.VALID, InvitationState.REVOKED, InvitationState.REVOKED,
					InvitationState.REVOKED);
		String latestToken = tokens.stream()
			.filter((t) -> lookup("public", t) == InvitationState.VALID)
			.findFirst()
			.orElseThrow();

		this.clock.advance(Duration.ofDays(14).plusMinutes(1));
		assertThat(lookup("public", latestToken)).isEqualTo(InvitationState.EXPIRED);
		assertThat(statusSeenBy(patient, reference).state()).isEqualTo(DoctorStatus.State.EXPIRED);
		assertThat(onSite("public", null,
				() -> this.invitations.register(latestToken, "Dr. Two", PASSWORD, DETAILS).problems()))
			.containsKey("token");
		ConsiliumUser existingDoctor = Users.user("public", "dr-revoke-doctor", Role.REFERRING_PHYSICIAN);
		assertThat(onSite("public", existingDoctor, () -> this.invitations.accept(latestToken)).state())
			.isEqualTo(InvitationState.EXPIRED);
		assertThat(onSite("public", existingDoctor, () -> this.invitations.accept(firstToken)).state())
			.isEqualTo(InvitationState.REVOKED);
		assertThat(accounts(second)).isZero();
		assertThat(statusSeenBy(patient, reference).state()).isEqualTo(DoctorStatus.State.EXPIRED);
	}

	@Test
	void a_signed_in_doctor_accepts_once_and_unknown_links_are_unknown() {
		ConsiliumUser patient = Users.user("public", "dr-accept-patient", Role.PATIENT);
		CaseDetails medicalCase = submittedCase(this.cases, this.tenants, "public", patient);
		String reference = medicalCase.reference().value();
		String email = newAddress();
		onSite("public", patient, () -> this.invitations.invite(reference, "Dr. Ann", email, "Clinic", Locale.ENGLISH));
		String token = token(TestMail.get().awaitLink(email, "/invitation/"));
		ConsiliumUser doctor = Users.user("public", "dr-accept-doctor", Role.REFERRING_PHYSICIAN);
		ConsiliumUser otherDoctor = Users.user("public", "dr-accept-other", Role.REFERRING_PHYSICIAN);
		assertThat(onSite("public", doctor, () -> this.invitations.accept(token)).state())
			.isEqualTo(InvitationState.VALID);
		assertThat(onSite("public", otherDoctor, () -> this.invitations.accept(token)).state())
			.isEqualTo(InvitationState.USED);
		assertThat(caseSeenBy(patient, medicalCase).physicianTakesPart()).isTrue();
		assertThat(statusSeenBy(patient, reference).state()).isEqualTo(DoctorStatus.State.JOINED);
		assertThat(onSite("public", patient,
				() -> this.invitations.invite(reference, "Dr. New", newAddress(), "Clinic", Locale.ENGLISH)))
			.as("no new invitation once a doctor takes part")
			.containsKey("email");
		assertThat(onSite("public", otherDoctor, () -> new DoctorCasesProbe(this).find(reference))).isEmpty();
		assertThat(onSite("public", doctor, () -> new DoctorCasesProbe(this).find(reference))).isPresent();

		for (String unknown : List.of("nonsense", "", "x".repeat(500), token + "x")) {
			assertThat(lookup("public", unknown)).isEqualTo(InvitationState.UNKNOWN);
		}
	}

	@Autowired
	DoctorCases doctorCases;

	/** The doctor's view of a case, as the doctor's pages look it up. */
	record DoctorCasesProbe(DoctorInvitationIT test) {

		java.util.Optional<DoctorCase> find(String reference) {
			return this.test.doctorCases.find(reference);
		}

	}

	/** The four invitations to the address, once all have arrived. */
	private static List<jakarta.mail.internet.MimeMessage> fourMailsTo(String address) {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (TestMail.get().to(address).size() < 4 && System.nanoTime() < deadline) {
			Thread.onSpinWait();
		}
		List<jakarta.mail.internet.MimeMessage> mails = TestMail.get().to(address);
		assertThat(mails).hasSize(4);
		return mails;
	}

	private InvitationState lookup(String tenant, String token) {
		return onSite(tenant, null, () -> this.invitations.lookup(token)).state();
	}

	private DoctorStatus statusSeenBy(ConsiliumUser patient, String reference) {
		return onSite(patient.partition().value(), patient, () -> this.invitations.status(reference)).orElseThrow();
	}

	private CaseDetails caseSeenBy(ConsiliumUser patient, CaseDetails medicalCase) {
		return onSite(patient.partition().value(), patient, () -> this.cases.get(medicalCase.id()));
	}

	private String letterText(ConsiliumUser user, String tenant, String reference, String lang) throws Exception {
		LetterService.Letter letter = onSite(tenant, user,
				() -> this.letters.letter(reference, Locale.forLanguageTag(lang)).orElseThrow());
		assertThat(letter.fileName()).isEqualTo("referring-physician-letter-" + reference + ".pdf");
		try (PDDocument pdf = Loader.loadPDF(letter.content())) {
			return new PDFTextStripper().getText(pdf);
		}
	}

	private static long accounts(String email) {
		return TestDatabase.get()
			.adminJdbc()
			.queryForObject("select count(*) from user_account where email = ?", Long.class, email);
	}

}

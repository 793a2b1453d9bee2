package org.consilium.records.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import org.consilium.cases.CaseDetails;
import org.consilium.cases.Cases;
import org.consilium.identity.ConsiliumUser;
import org.consilium.records.NewRecord;
import org.consilium.records.RecordContent;
import org.consilium.records.RecordIntegrityException;
import org.consilium.records.RecordKind;
import org.consilium.records.RecordRejectedException;
import org.consilium.records.RecordRejectedException.Reason;
import org.consilium.records.RecordSource;
import org.consilium.records.RecordSummary;
import org.consilium.records.Records;
import org.consilium.records.TestFiles;
import org.consilium.support.IntegrationTest;
import org.consilium.support.Users;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.TenantId;
import org.consilium.tenantconfig.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Uploads through the records service on the real database and store: what is kept for
 * each allowed type, encryption at rest, integrity on read, audit, translation tasks, and
 * every hostile file refused with nothing left behind (no row, no stored file, no part
 * file).
 */
@IntegrationTest
class RecordsIT {

	static final TenantId PUBLIC = TenantId.of("public");

	static final TenantId GLOBEX = TenantId.of("globex");

	static final ConsiliumUser PATIENT = Users.user("public", "rec-patient", Role.PATIENT);

	static final ConsiliumUser COORDINATOR = Users.user("public", "rec-coordinator", Role.CASE_COORDINATOR);

	@Autowired
	Cases cases;

	@Autowired
	Records records;

	@Autowired
	RecordsProperties properties;

	@Autowired
	TenantDataKeys keys;

	@Autowired
	org.consilium.cases.CasePhysicians physicians;

	CaseDetails medicalCase;

	@BeforeEach
	void openCase() {
		this.medicalCase = RecordsSupport.openCase(this.cases, PUBLIC, PATIENT);
	}

	@Test
	void a_pdf_is_kept_encrypted_with_its_pages_and_checksum_and_reads_back_audited() throws IOException {
		byte[] pdf = TestFiles.pdf(3);
		RecordSummary stored = upload("discharge letter.pdf", pdf);
		assertThat(stored.pages()).isEqualTo(3);
		assertThat(stored.source()).isEqualTo(RecordSource.PATIENT);
		assertThat(stored.mediaType()).isEqualTo("application/pdf");
		assertThat(stored.size()).isEqualTo(pdf.length);
		assertThat(stored.sha256()).isEqualTo(java.util.HexFormat.of().formatHex(sha256(pdf)));
		Path file = onlyStoredFile();
		byte[] atRest = Files.readAllBytes(file);
		assertThat(atRest).isNotEqualTo(pdf);
		assertThat(new String(atRest, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("%PDF");
		try (RecordContent content = open(stored, Records.Purpose.DOWNLOAD)) {
			assertThat(content.stream().readAllBytes()).isEqualTo(pdf);
		}
		assertThat(RecordsSupport.auditActions(PUBLIC, stored.id().toString())).containsExactly("RECORD_UPLOADED",
				"RECORD_DOWNLOADED");
		assertThat(
				TenantContext.callAs(PUBLIC, () -> Users.as(PATIENT, () -> this.cases.timeline(this.medicalCase.id()))))
			.anySatisfy((entry) -> assertThat(entry.what()).isEqualTo("record-uploaded"));
	}

	@Test
	void the_participating_doctor_uploads_as_doctor_and_a_doctor_not_on_the_case_cannot() {
		ConsiliumUser doctor = Users.user("public", "rec-doctor", Role.REFERRING_PHYSICIAN);
		ConsiliumUser otherDoctor = Users.user("public", "rec-other-doctor", Role.REFERRING_PHYSICIAN);
		assertThatThrownBy(
				() -> RecordsSupport.upload(this.records, PUBLIC, doctor, this.medicalCase, "a.pdf", TestFiles.pdf(1)))
			.isInstanceOf(org.consilium.cases.CaseNotFoundException.class);
		TenantContext.runAs(PUBLIC, () -> Users.as(PATIENT, () -> {
			this.physicians.attachPhysician(this.medicalCase.id(), doctor.id());
			return null;
		}));
		RecordSummary stored = RecordsSupport.upload(this.records, PUBLIC, doctor, this.medicalCase,
				"biopsy report.pdf", TestFiles.pdf(1));
		assertThat(stored.source()).isEqualTo(RecordSource.DOCTOR);
		assertThat(
				TenantContext.callAs(PUBLIC, () -> Users.as(PATIENT, () -> this.records.list(this.medicalCase.id()))))
			.extracting(RecordSummary::id)
			.containsExactly(stored.id());
		assertThatThrownBy(() -> TenantContext.callAs(PUBLIC,
				() -> Users.as(otherDoctor, () -> this.records.list(this.medicalCase.id()))))
			.isInstanceOf(org.consilium.cases.CaseNotFoundException.class);
	}

	@Test
	void images_and_dicom_files_are_kept_with_their_details() {
		assertThat(upload("photo.png", TestFiles.image("png")).imageCount()).isEqualTo(1);
		assertThat(upload("photo.jpg", TestFiles.image("jpeg")).mediaType()).isEqualTo("image/jpeg");
		RecordSummary dicom = upload("IM0001", TestFiles.dicom("CT", "20240315", "CT chest with contrast"));
		assertThat(dicom.mediaType()).isEqualTo("application/dicom");
		assertThat(dicom.dicom().modality()).isEqualTo("CT");
		assertThat(dicom.dicom().studyDate()).isEqualTo(LocalDate.of(2024, 3, 15));
		assertThat(dicom.dicom().studyDescription()).isEqualTo("CT chest with contrast");
		RecordSummary study = upload("study.zip",
				TestFiles.zip(Map.of("DICOM/1.dcm", TestFiles.dicom("MR", "20240101", "a"), "DICOM/2.dcm",
						TestFiles.dicom("MR", "20240101", "b"), "report.pdf", TestFiles.pdf(1))));
		assertThat(study.imageCount()).isEqualTo(2);
		assertThat(study.mediaType()).isEqualTo("application/zip");
	}

	@Test
	void hostile_files_are_refused_with_a_clear_reason_and_leave_nothing_behind() {
		refused("notes.txt", "just some text, not a record".getBytes(), Reason.UNKNOWN_TYPE);
		refused("scan.pdf", TestFiles.image("png"), Reason.EXTENSION_MISMATCH);
		refused("empty.pdf", new byte[0], Reason.EMPTY);
		refused("bomb.zip", TestFiles.zipBomb(5 * 1024 * 1024), Reason.ZIP_RATIO);
		refused("many.zip", TestFiles.zipOfManyEntries(51), Reason.ZIP_TOO_MANY_ENTRIES);
		refused("slip.zip", TestFiles.zip(Map.of("../../../../etc/cron.d/evil.pdf", TestFiles.pdf(1))),
				Reason.ZIP_UNSAFE_NAME);
		refused("exe.zip", TestFiles.zip(Map.of("setup.exe", "MZ...".getBytes())), Reason.ZIP_ENTRY_TYPE);
		assertThat(RecordsSupport.auditActions(PUBLIC, this.medicalCase.id().toString())).contains("RECORD_REFUSED");
	}

	@Test
	void an_oversized_upload_is_stopped_mid_stream() {
		RecordsSupport.EndlessJpeg endless = new RecordsSupport.EndlessJpeg(200L * 1024 * 1024);
		assertThatThrownBy(() -> RecordsSupport.upload(this.records, PUBLIC, PATIENT, this.medicalCase,
				new NewRecord(RecordKind.RADIOLOGY, "en", "huge.jpg"), endless))
			.isInstanceOfSatisfying(RecordRejectedException.class, (ex) -> {
				assertThat(ex.reason()).isEqualTo(Reason.TOO_LARGE);
				assertThat(ex.getMessage()).isEqualTo("The file is larger than the limit of 3 MiB.");
			});
		assertThat(endless.read).as("bytes read of 200 MiB").isLessThan(3L * 1024 * 1024 + 128 * 1024);
		assertNothingStored();
	}

	@Test
	void the_case_quota_counts_every_record_of_the_case() {
		for (int i = 0; i < 3; i++) {
			RecordsSupport.upload(this.records, PUBLIC, PATIENT, this.medicalCase,
					new NewRecord(RecordKind.RADIOLOGY, "en", "scan" + i + ".jpg"),
					new RecordsSupport.EndlessJpeg(2500L * 1024));
		}
		assertThatThrownBy(() -> RecordsSupport.upload(this.records, PUBLIC, PATIENT, this.medicalCase,
				new NewRecord(RecordKind.RADIOLOGY, "en", "scan4.jpg"), new RecordsSupport.EndlessJpeg(2500L * 1024)))
			.isInstanceOfSatisfying(RecordRejectedException.class,
					(ex) -> assertThat(ex.reason()).isEqualTo(Reason.QUOTA_EXCEEDED));
		assertThat(RecordsSupport.rows(PUBLIC, this.medicalCase)).isEqualTo(3);
		assertThat(RecordsSupport.storedFiles(this.properties, PUBLIC, this.medicalCase)).hasSize(3);
	}

	@Test
	void a_tampered_record_is_refused_on_read_and_audited() throws IOException {
		RecordSummary stored = upload("letter.pdf", TestFiles.pdf(1));
		Path file = onlyStoredFile();
		byte[] bytes = Files.readAllBytes(file);
		bytes[bytes.length - 20] ^= 0x01;
		Files.write(file, bytes);
		try (RecordContent content = open(stored, Records.Purpose.VIEW)) {
			InputStream in = content.stream();
			assertThatThrownBy(in::readAllBytes).isInstanceOf(RecordIntegrityException.class);
		}
		assertThat(RecordsSupport.auditActions(PUBLIC, stored.id().toString())).contains("RECORD_VIEWED",
				"RECORD_INTEGRITY_FAILED");
	}

	@Test
	void another_tenants_data_key_does_not_open_the_record() throws IOException {
		byte[] png = TestFiles.image("png");
		RecordSummary stored = upload("photo.png", png);
		String key = PUBLIC.value() + "/" + this.medicalCase.id() + "/" + stored.id();
		Path file = onlyStoredFile();
		javax.crypto.SecretKey publicKey = TenantContext.callAs(PUBLIC, this.keys::current);
		javax.crypto.SecretKey globexKey = TenantContext.callAs(GLOBEX, this.keys::current);
		assertThat(globexKey.getEncoded()).isNotEqualTo(publicKey.getEncoded());
		try (var channel = DecryptingChannel.open(Files.newByteChannel(file), publicKey, key)) {
			assertThat(Channels.newInputStream(channel).readAllBytes()).isEqualTo(png);
		}
		assertThatThrownBy(() -> DecryptingChannel.open(Files.newByteChannel(file), globexKey, key))
			.isInstanceOf(ChunkedGcm.TamperedException.class);
	}

	@Test
	void a_record_not_in_english_raises_a_translation_task_until_staff_mark_it_done() {
		RecordSummary stored = RecordsSupport.upload(this.records, PUBLIC, PATIENT, this.medicalCase,
				new NewRecord(RecordKind.MEDICAL_RECORD, "es", "informe.pdf"),
				new ByteArrayInputStream(TestFiles.pdf(1)));
		assertThat(stored.translationNeeded()).isTrue();
		assertThat(TenantContext.callAs(PUBLIC, () -> Users.as(COORDINATOR, this.records::translationTasks)))
			.anySatisfy((task) -> {
				assertThat(task.recordId()).isEqualTo(stored.id());
				assertThat(task.caseReference()).isEqualTo(this.medicalCase.reference());
				assertThat(task.language()).isEqualTo("es");
			});
		TenantContext.runAs(PUBLIC, () -> Users.as(COORDINATOR, () -> {
			this.records.markTranslated(this.medicalCase.id(), stored.id());
			return null;
		}));
		assertThat(TenantContext.callAs(PUBLIC, () -> Users.as(COORDINATOR, this.records::translationTasks)))
			.noneSatisfy((task) -> assertThat(task.recordId()).isEqualTo(stored.id()));
	}

	private void refused(String name, byte[] bytes, Reason reason) {
		assertThatThrownBy(() -> upload(name, bytes)).as(name)
			.isInstanceOfSatisfying(RecordRejectedException.class,
					(ex) -> assertThat(ex.reason()).as(name).isEqualTo(reason));
		assertNothingStored();
	}

	private void assertNothingStored() {
		assertThat(RecordsSupport.rows(PUBLIC, this.medicalCase)).as("rows").isZero();
		assertThat(RecordsSupport.storedFiles(this.properties, PUBLIC, this.medicalCase)).as("stored files").isEmpty();
	}

	private RecordSummary upload(String name, byte[] bytes) {
		return RecordsSupport.upload(this.records, PUBLIC, PATIENT, this.medicalCase, name, bytes);
	}

	private RecordContent open(RecordSummary record, Records.Purpose purpose) {
		return TenantContext.callAs(PUBLIC,
				() -> Users.as(PATIENT, () -> this.records.open(this.medicalCase.id(), record.id(), purpose)));
	}

	private Path onlyStoredFile() {
		var files = RecordsSupport.storedFiles(this.properties, PUBLIC, this.medicalCase);
		assertThat(files).hasSize(1);
		return files.get(0);
	}

	private static byte[] sha256(byte[] bytes) {
		try {
			return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

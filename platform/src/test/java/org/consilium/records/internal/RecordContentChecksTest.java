package org.consilium.records.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import org.consilium.records.RecordRejectedException;
import org.consilium.records.RecordRejectedException.Reason;
import org.consilium.records.RecordSummary.DicomInfo;
import org.consilium.records.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Type by content, file names, the DICOM header, archive checks, PDF pages. */
class RecordContentChecksTest {

	@TempDir
	Path directory;

	final ZipInspector zips = new ZipInspector(20, 1024 * 1024, 50);

	@Test
	void types_are_decided_by_content() {
		assertThat(detect(TestFiles.pdf(1))).isEqualTo(ContentType.PDF);
		assertThat(detect(TestFiles.image("png"))).isEqualTo(ContentType.PNG);
		assertThat(detect(TestFiles.image("jpeg"))).isEqualTo(ContentType.JPEG);
		assertThat(detect(TestFiles.image("tiff"))).isEqualTo(ContentType.TIFF);
		assertThat(detect(TestFiles.dicom("CT", "20240101", "x"))).isEqualTo(ContentType.DICOM);
		assertThat(detect(TestFiles.zip(Map.of("a.pdf", TestFiles.pdf(1))))).isEqualTo(ContentType.ZIP);
		assertThat(ContentSniffer.detect("MZ executable".getBytes(), 13)).isEmpty();
		assertThat(ContentType.claimedBy("scan.PDF")).contains(ContentType.PDF);
		assertThat(ContentType.claimedBy("1.2.840.113619.2.55")).isEmpty();
	}

	@Test
	void file_names_are_made_safe() {
		assertThat(FileNames.sanitise("../../etc/passwd")).isEqualTo("passwd");
		assertThat(FileNames.sanitise("C:\\Users\\x\\scan 1.pdf")).isEqualTo("scan 1.pdf");
		assertThat(FileNames.sanitise("a\u0000b\u202e.pdf")).isEqualTo("a_b_.pdf");
		assertThat(FileNames.sanitise("...")).isEqualTo("record");
		assertThat(FileNames.sanitise("x".repeat(300) + ".pdf")).hasSize(200).endsWith(".pdf");
	}

	@Test
	void dicom_header_gives_modality_date_and_description() throws IOException {
		DicomInfo info = DicomHeader
			.read(new ByteArrayInputStream(TestFiles.dicom("MR", "20240315", "Brain MRI with contrast")));
		assertThat(info.modality()).isEqualTo("MR");
		assertThat(info.studyDate()).isEqualTo(LocalDate.of(2024, 3, 15));
		assertThat(info.studyDescription()).isEqualTo("Brain MRI with contrast");
	}

	@Test
	void dicom_header_skips_undefined_length_sequences_and_reads_implicit_vr() throws IOException {
		java.io.ByteArrayOutputStream explicit = new java.io.ByteArrayOutputStream();
		explicit.writeBytes(new byte[128]);
		explicit.writeBytes("DICM".getBytes());
		explicitElement(explicit, 0x0002, 0x0010, "UI", "1.2.840.10008.1.2.1\0");
		// (0008,0082) Institution Code Sequence, undefined length, one undefined-length
		// item
		explicit.writeBytes(le(0x0008, 0x0082));
		explicit.writeBytes("SQ".getBytes());
		explicit.writeBytes(new byte[] { 0, 0, -1, -1, -1, -1 });
		explicit.writeBytes(le(0xFFFE, 0xE000));
		explicit.writeBytes(new byte[] { -1, -1, -1, -1 });
		explicitElement(explicit, 0x0008, 0x0100, "SH", "CODE");
		explicit.writeBytes(le(0xFFFE, 0xE00D));
		explicit.writeBytes(new byte[4]);
		explicit.writeBytes(le(0xFFFE, 0xE0DD));
		explicit.writeBytes(new byte[4]);
		explicitElement(explicit, 0x0008, 0x1030, "LO", "After a sequence");
		assertThat(DicomHeader.read(new ByteArrayInputStream(explicit.toByteArray())).studyDescription())
			.isEqualTo("After a sequence");

		java.io.ByteArrayOutputStream implicit = new java.io.ByteArrayOutputStream();
		implicit.writeBytes(new byte[128]);
		implicit.writeBytes("DICM".getBytes());
		explicitElement(implicit, 0x0002, 0x0010, "UI", "1.2.840.10008.1.2\0");
		implicitElement(implicit, 0x0008, 0x0020, "20231231");
		implicitElement(implicit, 0x0008, 0x0060, "US");
		implicitElement(implicit, 0x0008, 0x1030, "Abdomen");
		DicomInfo info = DicomHeader.read(new ByteArrayInputStream(implicit.toByteArray()));
		assertThat(info.modality()).isEqualTo("US");
		assertThat(info.studyDate()).isEqualTo(LocalDate.of(2023, 12, 31));
		assertThat(info.studyDescription()).isEqualTo("Abdomen");
	}

	private static byte[] le(int group, int element) {
		return new byte[] { (byte) group, (byte) (group >> 8), (byte) element, (byte) (element >> 8) };
	}

	private static void explicitElement(java.io.ByteArrayOutputStream out, int group, int element, String vr,
			String value) {
		byte[] bytes = value.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
		out.writeBytes(le(group, element));
		out.writeBytes(vr.getBytes());
		out.writeBytes(new byte[] { (byte) bytes.length, (byte) (bytes.length >> 8) });
		out.writeBytes(bytes);
	}

	private static void implicitElement(java.io.ByteArrayOutputStream out, int group, int element, String value) {
		byte[] bytes = value.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
		out.writeBytes(le(group, element));
		out.writeBytes(new byte[] { (byte) bytes.length, (byte) (bytes.length >> 8), 0, 0 });
		out.writeBytes(bytes);
	}

	@Test
	void archives_are_checked_before_acceptance() throws IOException {
		assertThat(inspect(TestFiles.zip(Map.of("study/1.dcm", TestFiles.dicom("CT", "20240101", "x"), "report.pdf",
				TestFiles.pdf(1), "photo.png", TestFiles.image("png")))))
			.isEqualTo(2);
		assertRejected(TestFiles.zipBomb(2 * 1024 * 1024), Reason.ZIP_RATIO);
		assertRejected(TestFiles.zipOfManyEntries(21), Reason.ZIP_TOO_MANY_ENTRIES);
		assertRejected(TestFiles.zip(Map.of("../evil.pdf", TestFiles.pdf(1))), Reason.ZIP_UNSAFE_NAME);
		assertRejected(TestFiles.zip(Map.of("/etc/evil.pdf", TestFiles.pdf(1))), Reason.ZIP_UNSAFE_NAME);
		assertRejected(TestFiles.zip(Map.of("a\\..\\..\\evil.pdf", TestFiles.pdf(1))), Reason.ZIP_UNSAFE_NAME);
		assertRejected(TestFiles.zip(Map.of("notes.txt", "hello".getBytes())), Reason.ZIP_ENTRY_TYPE);
		assertRejected(TestFiles.zip(Map.of("inner.zip", TestFiles.zip(Map.of("a.pdf", TestFiles.pdf(1))))),
				Reason.ZIP_ENTRY_TYPE);
	}

	@Test
	void the_unpacked_total_is_counted_while_inflating_not_read_from_the_headers() throws IOException {
		ZipInspector generousRatio = new ZipInspector(20, 1024 * 1024, 100_000);
		Path file = Files.createTempFile(this.directory, "big", ".zip");
		Files.write(file, TestFiles.zipBomb(2 * 1024 * 1024));
		try (var channel = Files.newByteChannel(file)) {
			assertThatThrownBy(() -> generousRatio.inspect(channel)).isInstanceOfSatisfying(
					RecordRejectedException.class,
					(ex) -> assertThat(ex.getMessage()).isEqualTo("The archive unpacks to more than 1 MiB."));
		}
	}

	@Test
	void links_in_archives_are_refused() throws IOException {
		java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
		try (var zip = new org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream(bytes)) {
			var entry = new org.apache.commons.compress.archivers.zip.ZipArchiveEntry("study/link.dcm");
			entry.setUnixMode(0120777);
			zip.putArchiveEntry(entry);
			zip.write("/etc/passwd".getBytes());
			zip.closeArchiveEntry();
		}
		assertRejected(bytes.toByteArray(), Reason.ZIP_LINK);
	}

	@Test
	void pdf_pages_are_counted_in_place() throws IOException {
		Path file = this.directory.resolve("a.pdf");
		Files.write(file, TestFiles.pdf(3));
		assertThat(PdfPages.count(Files.newByteChannel(file))).isEqualTo(3);
		Files.write(file, "%PDF-1.7 but nothing else".getBytes());
		assertThatThrownBy(() -> PdfPages.count(Files.newByteChannel(file))).isInstanceOfSatisfying(
				RecordRejectedException.class, (ex) -> assertThat(ex.reason()).isEqualTo(Reason.PDF_UNREADABLE));
	}

	private void assertRejected(byte[] zip, Reason reason) {
		assertThatThrownBy(() -> inspect(zip)).isInstanceOfSatisfying(RecordRejectedException.class,
				(ex) -> assertThat(ex.reason()).isEqualTo(reason));
	}

	private int inspect(byte[] zip) throws IOException {
		Path file = Files.createTempFile(this.directory, "a", ".zip");
		Files.write(file, zip);
		try (var channel = Files.newByteChannel(file)) {
			return this.zips.inspect(channel);
		}
	}

	private static ContentType detect(byte[] bytes) {
		return ContentSniffer.detect(bytes, Math.min(bytes.length, ContentSniffer.HEAD)).orElseThrow();
	}

}

package org.consilium.records;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;

/**
 * Files for record tests, made on the spot: PDFs (PDFBox), images (ImageIO), DICOM Part
 * 10 files (preamble, DICM, meta group, a few tags), archives good and hostile.
 */
public final class TestFiles {

	private TestFiles() {
	}

	public static byte[] pdf(int pages) {
		try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			for (int i = 0; i < pages; i++) {
				document.addPage(new PDPage());
			}
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static byte[] image(String format) {
		BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
		image.setRGB(3, 3, 0xFF0000);
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			ImageIO.write(image, format, out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A DICOM Part 10 file: explicit VR little endian meta group and data set with
	 * modality, study date and description, then (empty) pixel data.
	 */
	public static byte[] dicom(String modality, String studyDate, String description) {
		ByteArrayOutputStream dataset = new ByteArrayOutputStream();
		element(dataset, 0x0008, 0x0016, "UI", "1.2.840.10008.5.1.4.1.1.2");
		element(dataset, 0x0008, 0x0020, "DA", studyDate);
		element(dataset, 0x0008, 0x0060, "CS", modality);
		element(dataset, 0x0008, 0x1030, "LO", description);
		element(dataset, 0x0010, 0x0010, "PN", "Test^Patient");
		// Pixel data: OW with a 4-byte length, never read.
		ByteBuffer pixels = ByteBuffer.allocate(12 + 64).order(ByteOrder.LITTLE_ENDIAN);
		pixels.putShort((short) 0x7FE0).putShort((short) 0x0010).put("OW".getBytes(StandardCharsets.US_ASCII));
		pixels.putShort((short) 0).putInt(64);
		dataset.writeBytes(pixels.array());
		ByteArrayOutputStream meta = new ByteArrayOutputStream();
		element(meta, 0x0002, 0x0010, "UI", "1.2.840.10008.1.2.1");
		ByteArrayOutputStream file = new ByteArrayOutputStream();
		file.writeBytes(new byte[128]);
		file.writeBytes("DICM".getBytes(StandardCharsets.US_ASCII));
		ByteBuffer groupLength = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
		groupLength.putShort((short) 0x0002)
			.putShort((short) 0x0000)
			.put("UL".getBytes(StandardCharsets.US_ASCII))
			.putShort((short) 4)
			.putInt(meta.size());
		file.writeBytes(groupLength.array());
		file.writeBytes(meta.toByteArray());
		file.writeBytes(dataset.toByteArray());
		return file.toByteArray();
	}

	private static void element(ByteArrayOutputStream out, int group, int element, String vr, String value) {
		byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
		if (bytes.length % 2 == 1) {
			byte[] padded = new byte[bytes.length + 1];
			System.arraycopy(bytes, 0, padded, 0, bytes.length);
			padded[bytes.length] = (byte) (vr.equals("UI") ? 0 : ' ');
			bytes = padded;
		}
		ByteBuffer header = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
		header.putShort((short) group)
			.putShort((short) element)
			.put(vr.getBytes(StandardCharsets.US_ASCII))
			.putShort((short) bytes.length);
		out.writeBytes(header.array());
		out.writeBytes(bytes);
	}

	/** An archive of the given entries, deflated. */
	public static byte[] zip(Map<String, byte[]> entries) {
		try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
				ZipOutputStream zip = new ZipOutputStream(bytes)) {
			for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
				zip.putNextEntry(new ZipEntry(entry.getKey()));
				zip.write(entry.getValue());
				zip.closeEntry();
			}
			zip.finish();
			return bytes.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * One entry that looks like a DICOM file and unpacks to {@code size} bytes of zeros.
	 */
	public static byte[] zipBomb(int size) {
		byte[] dicom = dicom("CT", "20240101", "bomb");
		byte[] big = new byte[size];
		System.arraycopy(dicom, 0, big, 0, dicom.length);
		return zip(Map.of("study/bomb.dcm", big));
	}

	/** Many tiny DICOM entries. */
	public static byte[] zipOfManyEntries(int count) {
		byte[] dicom = dicom("MR", "20240101", "x");
		Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
		for (int i = 0; i < count; i++) {
			entries.put("study/" + i + ".dcm", dicom);
		}
		return zip(entries);
	}

}

package org.consilium.records.internal;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Set;

import org.consilium.records.RecordSummary.DicomInfo;

/**
 * Reads modality (0008,0060), study date (0008,0020) and study description (0008,1030)
 * from a DICOM Part 10 file: the 128-byte preamble, "DICM", the file meta group (explicit
 * VR little endian), then the data set in explicit or implicit VR little endian. Elements
 * come in tag order, so reading stops after group 0008 (long before pixel data); at most
 * 1 MiB of header is read. Other transfer syntaxes (big endian, deflated) give no
 * details, which is not an error.
 */
final class DicomHeader {

	private static final int MAX_HEADER = 1024 * 1024;

	private static final String IMPLICIT_LITTLE = "1.2.840.10008.1.2";

	private static final String EXPLICIT_BIG = "1.2.840.10008.1.2.2";

	private static final String DEFLATED = "1.2.840.10008.1.2.1.99";

	private static final Set<String> LONG_VRS = Set.of("OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN", "UR",
			"UT", "UV");

	private static final int MODALITY = 0x00080060;

	private static final int STUDY_DATE = 0x00080020;

	private static final int STUDY_DESCRIPTION = 0x00081030;

	private static final int ITEM = 0xFFFEE000;

	private static final int ITEM_END = 0xFFFEE00D;

	private static final int SEQUENCE_END = 0xFFFEE0DD;

	private final DataInputStream in;

	private long read;

	private DicomHeader(InputStream in) {
		this.in = new DataInputStream(in);
	}

	/**
	 * @return what the header says; fields it lacks are null
	 */
	static DicomInfo read(InputStream in) throws IOException {
		return new DicomHeader(in).parse();
	}

	private DicomInfo parse() throws IOException {
		skip(128);
		byte[] magic = bytes(4);
		if (!"DICM".equals(new String(magic, StandardCharsets.US_ASCII))) {
			return new DicomInfo(null, null, null);
		}
		String transferSyntax = null;
		String modality = null;
		String date = null;
		String description = null;
		boolean explicit = true;
		boolean inMeta = true;
		try {
			while (this.read < MAX_HEADER) {
				int tag = tag();
				if (inMeta && (tag >>> 16) != 0x0002) {
					inMeta = false;
					if (transferSyntax == null || transferSyntax.equals(EXPLICIT_BIG)
							|| transferSyntax.equals(DEFLATED)) {
						break;
					}
					explicit = !transferSyntax.equals(IMPLICIT_LITTLE);
				}
				if (!inMeta && Integer.compareUnsigned(tag, STUDY_DESCRIPTION) > 0) {
					break;
				}
				boolean meta = inMeta;
				String vr = (explicit || meta) ? new String(bytes(2), StandardCharsets.US_ASCII) : null;
				long length = (vr == null) ? uint32() : LONG_VRS.contains(vr) ? skipThen(2) : uint16();
				if (length == 0xFFFFFFFFL) {
					skipUndefined(explicit);
					continue;
				}
				if (tag == 0x00020010 || tag == MODALITY || tag == STUDY_DATE || tag == STUDY_DESCRIPTION) {
					String value = text(bytes((int) Math.min(length, 1024)));
					skip(length - Math.min(length, 1024));
					switch (tag) {
						case 0x00020010 -> transferSyntax = value;
						case MODALITY -> modality = value;
						case STUDY_DATE -> date = value;
						default -> description = value;
					}
				}
				else {
					skip(length);
				}
			}
		}
		catch (EOFException ex) {
			// a short file: keep what was read
		}
		return new DicomInfo(limit(modality, 16), date(date), limit(description, 64));
	}

	/** Skips a sequence or item of undefined length, with whatever it nests. */
	private void skipUndefined(boolean explicit) throws IOException {
		int depth = 1;
		while (depth > 0 && this.read < MAX_HEADER) {
			int tag = tag();
			if (tag == ITEM || tag == ITEM_END || tag == SEQUENCE_END) {
				long length = uint32();
				if (tag == ITEM) {
					if (length == 0xFFFFFFFFL) {
						depth++;
					}
					else {
						skip(length);
					}
				}
				else {
					depth--;
				}
				continue;
			}
			String vr = explicit ? new String(bytes(2), StandardCharsets.US_ASCII) : null;
			long length = (vr == null) ? uint32() : LONG_VRS.contains(vr) ? skipThen(2) : uint16();
			if (length == 0xFFFFFFFFL) {
				depth++;
			}
			else {
				skip(length);
			}
		}
	}

	private int tag() throws IOException {
		int group = uint16();
		int element = uint16();
		return (group << 16) | element;
	}

	private long skipThen(int reserved) throws IOException {
		skip(reserved);
		return uint32();
	}

	private int uint16() throws IOException {
		byte[] b = bytes(2);
		return (b[0] & 0xFF) | ((b[1] & 0xFF) << 8);
	}

	private long uint32() throws IOException {
		byte[] b = bytes(4);
		return (b[0] & 0xFFL) | ((b[1] & 0xFFL) << 8) | ((b[2] & 0xFFL) << 16) | ((b[3] & 0xFFL) << 24);
	}

	private byte[] bytes(int n) throws IOException {
		byte[] b = new byte[n];
		this.in.readFully(b);
		this.read += n;
		return b;
	}

	private void skip(long n) throws IOException {
		if (this.read + n > MAX_HEADER) {
			throw new EOFException("header too long");
		}
		long left = n;
		while (left > 0) {
			long skipped = this.in.skip(left);
			if (skipped <= 0) {
				if (this.in.read() < 0) {
					throw new EOFException();
				}
				skipped = 1;
			}
			left -= skipped;
		}
		this.read += n;
	}

	private static String text(byte[] value) {
		String text = new String(value, StandardCharsets.ISO_8859_1).replaceAll("[\\x00-\\x1F\\x7F]", " ").strip();
		return text.isEmpty() ? null : text;
	}

	private static String limit(String value, int max) {
		return (value == null || value.length() <= max) ? value : value.substring(0, max);
	}

	private static LocalDate date(String value) {
		if (value == null || value.length() < 8) {
			return null;
		}
		try {
			return LocalDate.parse(value.substring(0, 8), DateTimeFormatter.BASIC_ISO_DATE);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}

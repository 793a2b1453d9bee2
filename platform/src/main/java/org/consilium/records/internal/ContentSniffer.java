package org.consilium.records.internal;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Decides a file's type from its first bytes (magic numbers), never from its name. Only
 * the allowed types are recognised; anything else is "unknown". DICOM is checked first: a
 * Part 10 file's 128-byte preamble may itself look like a TIFF.
 */
final class ContentSniffer {

	/** How many leading bytes {@link #detect} looks at. */
	static final int HEAD = 1024;

	private ContentSniffer() {
	}

	static Optional<ContentType> detect(byte[] head, int length) {
		if (length >= 132 && head[128] == 'D' && head[129] == 'I' && head[130] == 'C' && head[131] == 'M') {
			return Optional.of(ContentType.DICOM);
		}
		if (startsWith(head, length, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
			return Optional.of(ContentType.PNG);
		}
		if (startsWith(head, length, 0xFF, 0xD8, 0xFF)) {
			return Optional.of(ContentType.JPEG);
		}
		if (startsWith(head, length, 'I', 'I', 0x2A, 0x00) || startsWith(head, length, 'M', 'M', 0x00, 0x2A)) {
			return Optional.of(ContentType.TIFF);
		}
		if (startsWith(head, length, 'P', 'K', 0x03, 0x04)) {
			return Optional.of(ContentType.ZIP);
		}
		// Readers accept "%PDF-" anywhere in the first kilobyte; so do we, and nowhere
		// else.
		String start = new String(head, 0, Math.min(length, HEAD), StandardCharsets.ISO_8859_1);
		if (start.contains("%PDF-")) {
			return Optional.of(ContentType.PDF);
		}
		return Optional.empty();
	}

	private static boolean startsWith(byte[] head, int length, int... magic) {
		if (length < magic.length) {
			return false;
		}
		for (int i = 0; i < magic.length; i++) {
			if ((head[i] & 0xFF) != magic[i]) {
				return false;
			}
		}
		return true;
	}

}

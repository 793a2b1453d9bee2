package org.consilium.records.internal;

import java.text.Normalizer;

/**
 * Makes an uploaded file's name safe to keep and to show: the last path segment only, no
 * control or reserved characters, at most 200 characters with the extension kept.
 */
final class FileNames {

	private static final int MAX = 200;

	private FileNames() {
	}

	static String sanitise(String name) {
		String text = (name != null) ? Normalizer.normalize(name, Normalizer.Form.NFC) : "";
		int slash = Math.max(text.lastIndexOf('/'), text.lastIndexOf('\\'));
		text = text.substring(slash + 1);
		text = text.replaceAll("[\\p{Cntrl}\\p{Cf}:*?\"<>|]", "_").strip();
		text = text.replaceAll("^[.\\s]+", "").replaceAll("[.\\s]+$", "");
		if (text.isEmpty()) {
			return "record";
		}
		if (text.length() > MAX) {
			int dot = text.lastIndexOf('.');
			String extension = (dot > 0 && text.length() - dot <= 10) ? text.substring(dot) : "";
			text = text.substring(0, MAX - extension.length()) + extension;
		}
		return text;
	}

}

package org.consilium.records;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What the uploader says about a file: its kind, its language (ISO 639-1, e.g.
 * {@code en}) and its name as sent (only a hint: the type is decided by content).
 */
public record NewRecord(RecordKind kind, String language, String fileName) {

	private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

	public NewRecord {
		if (kind == null) {
			throw new RecordRejectedException(RecordRejectedException.Reason.KIND_MISSING);
		}
		language = (language != null) ? language.trim().toLowerCase(Locale.ROOT) : "";
		if (!LANGUAGE.matcher(language).matches()) {
			throw new RecordRejectedException(RecordRejectedException.Reason.LANGUAGE_INVALID);
		}
		fileName = (fileName != null) ? fileName : "";
	}

	public boolean needsTranslation() {
		return !"en".equals(this.language);
	}

}

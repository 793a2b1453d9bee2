package org.consilium.records;

import java.util.List;

/**
 * An upload refused, with nothing left behind. The reason names a message
 * ({@code records.rejected.<reason>} in the bundles) and its arguments; the exception's
 * message says the same in English for the REST API.
 */
public class RecordRejectedException extends RuntimeException {

	private final Reason reason;

	private final List<String> args;

	public RecordRejectedException(Reason reason, String... args) {
		super(reason.english(args));
		this.reason = reason;
		this.args = List.of(args);
	}

	public Reason reason() {
		return this.reason;
	}

	public List<String> args() {
		return this.args;
	}

	public String messageKey() {
		return "records.rejected." + this.reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}

	/** Why, with the English text. */
	public enum Reason {

		EMPTY("The file is empty."),
		UNKNOWN_TYPE("The file is not a PDF, JPEG, PNG, TIFF, DICOM file or zip archive (judged by its content)."),
		EXTENSION_MISMATCH("The file is named as %s but its content is %s."),
		TOO_LARGE("The file is larger than the limit of %s."),
		QUOTA_EXCEEDED("The case's records would exceed their limit of %s."),
		ZIP_TOO_MANY_ENTRIES("The archive has more than %s entries."),
		ZIP_TOO_LARGE("The archive unpacks to more than %s."),
		ZIP_RATIO("The archive unpacks to more than %s times its size (a zip bomb)."),
		ZIP_UNSAFE_NAME("The archive contains an unsafe path: %s."), ZIP_LINK("The archive contains a link: %s."),
		ZIP_ENTRY_TYPE("The archive contains a file of a type "
				+ "that is not allowed: %s (allowed: PDF, JPEG, PNG, TIFF, DICOM)."),
		ZIP_ENCRYPTED("The archive is password-protected."), ZIP_DAMAGED("The archive is damaged."),
		PDF_UNREADABLE("The PDF is damaged or password-protected."), KIND_MISSING("Choose what the record is."),
		LANGUAGE_INVALID("State the record's language as an ISO code, e.g. en.");

		private final String english;

		Reason(String english) {
			this.english = english;
		}

		String english(String... args) {
			return String.format(this.english, (Object[]) args);
		}

	}

}

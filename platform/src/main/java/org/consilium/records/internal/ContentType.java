package org.consilium.records.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The kinds of file a record may be, decided by content ({@link ContentSniffer}), with
 * the file-name extensions that belong to each.
 */
enum ContentType {

	PDF("application/pdf", "pdf"), JPEG("image/jpeg", "jpg", "jpeg", "jpe", "jfif"), PNG("image/png", "png"),
	TIFF("image/tiff", "tif", "tiff"), DICOM("application/dicom", "dcm", "dicom", "dic"), ZIP("application/zip", "zip");

	private final String mediaType;

	private final Set<String> extensions;

	ContentType(String mediaType, String... extensions) {
		this.mediaType = mediaType;
		this.extensions = Set.of(extensions);
	}

	String mediaType() {
		return this.mediaType;
	}

	boolean isImage() {
		return this == JPEG || this == PNG || this == TIFF || this == DICOM;
	}

	/** Whether a browser may show it inline (PDF viewer, image). */
	boolean isViewable() {
		return this == PDF || this == JPEG || this == PNG;
	}

	static Optional<ContentType> ofMediaType(String mediaType) {
		return Arrays.stream(values()).filter((type) -> type.mediaType.equals(mediaType)).findFirst();
	}

	/** The allowed type a file name's extension claims, if any. */
	static Optional<ContentType> claimedBy(String fileName) {
		int dot = fileName.lastIndexOf('.');
		if (dot < 0 || dot == fileName.length() - 1) {
			return Optional.empty();
		}
		String extension = fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
		return Arrays.stream(values()).filter((type) -> type.extensions.contains(extension)).findFirst();
	}

}

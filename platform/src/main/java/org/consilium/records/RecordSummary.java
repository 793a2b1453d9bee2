package org.consilium.records;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.consilium.cases.CaseId;

/**
 * A stored record as its case's readers see it (no bytes).
 *
 * @param pages the page count of a PDF, else null
 * @param imageCount images in an image, a DICOM file or an archive, else null
 * @param translationNeeded stated language is not English and no translation is done yet
 */
public record RecordSummary(UUID id, CaseId caseId, RecordKind kind, RecordSource source, String fileName,
		String mediaType, long size, String sha256, Integer pages, Integer imageCount, DicomInfo dicom, String language,
		boolean translationNeeded, String uploadedByName, Instant uploadedAt) {

	/** What the DICOM header says, where present. */
	public record DicomInfo(String modality, LocalDate studyDate, String studyDescription) {
	}

	/** Whether a browser can show it in the page (PDF, JPEG, PNG). */
	public boolean viewable() {
		return "application/pdf".equals(this.mediaType) || "image/jpeg".equals(this.mediaType)
				|| "image/png".equals(this.mediaType);
	}

}

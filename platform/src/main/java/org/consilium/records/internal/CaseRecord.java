package org.consilium.records.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.consilium.cases.CaseId;
import org.consilium.records.NewRecord;
import org.consilium.records.RecordKind;
import org.consilium.records.RecordSource;
import org.consilium.records.RecordSummary;
import org.consilium.tenant.TenantOwned;

/**
 * A stored record's metadata; its bytes are in the record store under {@code storageKey}.
 */
@Entity
@Table(name = "case_record")
class CaseRecord extends TenantOwned {

	@Id
	private UUID id;

	@Column(name = "case_id", nullable = false, updatable = false)
	private UUID caseId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private RecordKind kind;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private RecordSource source;

	@Column(name = "file_name", nullable = false)
	private String fileName;

	@Column(name = "media_type", nullable = false)
	private String mediaType;

	@Column(name = "size_bytes", nullable = false)
	private long size;

	@Column(nullable = false)
	private String sha256;

	private Integer pages;

	@Column(name = "image_count")
	private Integer imageCount;

	@Column(name = "dicom_modality")
	private String dicomModality;

	@Column(name = "dicom_study_date")
	private LocalDate dicomStudyDate;

	@Column(name = "dicom_study_description")
	private String dicomStudyDescription;

	@Column(nullable = false)
	private String language;

	@Column(name = "translation_needed", nullable = false)
	private boolean translationNeeded;

	@Column(name = "translated_at")
	private Instant translatedAt;

	@Column(name = "translated_by")
	private String translatedBy;

	@Column(name = "storage_key", nullable = false)
	private String storageKey;

	@Column(name = "uploaded_by", nullable = false)
	private String uploadedBy;

	@Column(name = "uploaded_by_name", nullable = false)
	private String uploadedByName;

	@Column(name = "uploaded_at", nullable = false)
	private Instant uploadedAt;

	protected CaseRecord() {
	}

	CaseRecord(UUID id, CaseId caseId, NewRecord meta, RecordSource source, String fileName, String storageKey,
			RecordIntake.Received received, RecordAnalysis.Facts facts, String uploadedBy, String uploadedByName,
			Instant now) {
		this.id = id;
		this.caseId = caseId.value();
		this.kind = meta.kind();
		this.source = source;
		this.fileName = fileName;
		this.mediaType = received.type().mediaType();
		this.size = received.size();
		this.sha256 = received.sha256();
		this.pages = facts.pages();
		this.imageCount = facts.images();
		if (facts.dicom() != null) {
			this.dicomModality = facts.dicom().modality();
			this.dicomStudyDate = facts.dicom().studyDate();
			this.dicomStudyDescription = facts.dicom().studyDescription();
		}
		this.language = meta.language();
		this.translationNeeded = meta.needsTranslation();
		this.storageKey = storageKey;
		this.uploadedBy = uploadedBy;
		this.uploadedByName = uploadedByName;
		this.uploadedAt = now;
	}

	UUID id() {
		return this.id;
	}

	CaseId caseId() {
		return new CaseId(this.caseId);
	}

	String storageKey() {
		return this.storageKey;
	}

	String sha256() {
		return this.sha256;
	}

	String fileName() {
		return this.fileName;
	}

	String language() {
		return this.language;
	}

	Instant uploadedAt() {
		return this.uploadedAt;
	}

	boolean awaitsTranslation() {
		return this.translationNeeded && this.translatedAt == null;
	}

	/** Staff have the English translation. */
	void markTranslated(String by, Instant now) {
		if (awaitsTranslation()) {
			this.translatedAt = now;
			this.translatedBy = by;
		}
	}

	RecordSummary summary() {
		RecordSummary.DicomInfo dicom = (this.dicomModality != null || this.dicomStudyDate != null
				|| this.dicomStudyDescription != null)
						? new RecordSummary.DicomInfo(this.dicomModality, this.dicomStudyDate,
								this.dicomStudyDescription)
						: null;
		return new RecordSummary(this.id, caseId(), this.kind, this.source, this.fileName, this.mediaType, this.size,
				this.sha256, this.pages, this.imageCount, dicom, this.language, awaitsTranslation(),
				this.uploadedByName, this.uploadedAt);
	}

}

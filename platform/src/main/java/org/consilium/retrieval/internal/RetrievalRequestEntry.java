package org.consilium.retrieval.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.consilium.cases.CaseId;
import org.consilium.cases.CaseReference;
import org.consilium.retrieval.Facility;
import org.consilium.retrieval.RecordKind;
import org.consilium.retrieval.RequestLetter;
import org.consilium.retrieval.RetrievalProblems;
import org.consilium.retrieval.RetrievalRequest;
import org.consilium.retrieval.RetrievalStatus;
import org.consilium.tenant.TenantOwned;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A retrieval request as authorised, with the patient's details as they were when they
 * signed (the letter must not change afterwards), and where it stands.
 */
@Entity
@Table(name = "retrieval_request")
class RetrievalRequestEntry extends TenantOwned {

	@Id
	private UUID id;

	@Column(name = "case_id", nullable = false, updatable = false)
	private UUID caseId;

	@Column(name = "case_reference", nullable = false, updatable = false)
	private String caseReference;

	@JdbcTypeCode(SqlTypes.JSON)
	@Column(nullable = false, updatable = false)
	private List<Map<String, String>> facilities = new ArrayList<>();

	@JdbcTypeCode(SqlTypes.JSON)
	@Column(name = "record_kinds", nullable = false, updatable = false)
	private List<String> recordKinds = new ArrayList<>();

	@Column(updatable = false)
	private String details;

	@Column(name = "patient_name", nullable = false, updatable = false)
	private String patientName;

	@Column(name = "patient_birth_date", updatable = false)
	private LocalDate patientBirthDate;

	@Column(name = "authorisation_text", nullable = false, updatable = false)
	private String authorisationText;

	@Column(name = "authorisation_version", nullable = false, updatable = false)
	private String authorisationVersion;

	@Column(name = "signed_name", nullable = false, updatable = false)
	private String signedName;

	@Column(name = "signed_at", nullable = false, updatable = false)
	private Instant signedAt;

	@Column(name = "signed_by", nullable = false, updatable = false)
	private String signedBy;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private RetrievalStatus status;

	@Column(name = "status_note")
	private String statusNote;

	@Column(name = "status_changed_at", nullable = false)
	private Instant statusChangedAt;

	@Column(name = "status_changed_by", nullable = false)
	private String statusChangedBy;

	@Column(name = "letter_token_hash", nullable = false)
	private String letterTokenHash;

	@Column(name = "letter_expires_at", nullable = false)
	private Instant letterExpiresAt;

	@Column(name = "letter_viewed_at")
	private Instant letterViewedAt;

	protected RetrievalRequestEntry() {
	}

	RetrievalRequestEntry(CaseId caseId, CaseReference caseReference, List<Facility> facilities, Set<RecordKind> kinds,
			String details, String patientName, LocalDate patientBirthDate, String authorisationText,
			String authorisationVersion, String signedName, String signedBy, Instant now, String letterTokenHash,
			Instant letterExpiresAt) {
		this.id = UUID.randomUUID();
		this.caseId = caseId.value();
		this.caseReference = caseReference.value();
		facilities.forEach((facility) -> this.facilities.add(stored(facility)));
		kinds.stream().sorted().forEach((kind) -> this.recordKinds.add(kind.name()));
		this.details = details;
		this.patientName = patientName;
		this.patientBirthDate = patientBirthDate;
		this.authorisationText = authorisationText;
		this.authorisationVersion = authorisationVersion;
		this.signedName = signedName;
		this.signedBy = signedBy;
		this.signedAt = now;
		this.status = RetrievalStatus.REQUESTED;
		this.statusChangedAt = now;
		this.statusChangedBy = signedBy;
		this.letterTokenHash = letterTokenHash;
		this.letterExpiresAt = letterExpiresAt;
	}

	/**
	 * Moves the request on, as staff report it.
	 * @throws RetrievalProblems if the move is not allowed from here
	 */
	void moveTo(RetrievalStatus next, String note, String by, Instant now) {
		if (!this.status.next().contains(next)) {
			throw RetrievalProblems.of("status", "retrieval.error.transition");
		}
		if (next.needsNote() && note == null) {
			throw RetrievalProblems.of("note", "retrieval.error.note-required");
		}
		this.status = next;
		this.statusNote = note;
		this.statusChangedAt = now;
		this.statusChangedBy = by;
	}

	/** A new letter link replaces the previous one, which stops working. */
	void newLetterLink(String tokenHash, Instant expiresAt) {
		if (this.status.isFinal()) {
			throw RetrievalProblems.of("status", "retrieval.error.final");
		}
		this.letterTokenHash = tokenHash;
		this.letterExpiresAt = expiresAt;
	}

	/** Whether the letter link may be opened now. */
	boolean letterOpenAt(Instant now) {
		return now.isBefore(this.letterExpiresAt);
	}

	void letterViewed(Instant now) {
		this.letterViewedAt = now;
	}

	UUID id() {
		return this.id;
	}

	UUID caseId() {
		return this.caseId;
	}

	RetrievalStatus status() {
		return this.status;
	}

	RetrievalRequest view() {
		return new RetrievalRequest(this.id, new CaseId(this.caseId), facilities(), kinds(), this.details,
				this.signedName, this.signedAt, this.status, this.statusNote, this.statusChangedAt);
	}

	RequestLetter letter(String programme, String returnEmail) {
		return new RequestLetter(this.id, programme, new CaseReference(this.caseReference), this.patientName,
				this.patientBirthDate, facilities(), kinds(), this.details, this.authorisationText,
				this.authorisationVersion, this.signedName, this.signedAt, returnEmail, this.letterExpiresAt);
	}

	private List<Facility> facilities() {
		return this.facilities.stream()
			.map((f) -> new Facility(f.get("name"), f.get("address"), f.get("phone"), date(f.get("careFrom")),
					date(f.get("careTo"))))
			.toList();
	}

	private Set<RecordKind> kinds() {
		Set<RecordKind> kinds = EnumSet.noneOf(RecordKind.class);
		this.recordKinds.forEach((kind) -> kinds.add(RecordKind.valueOf(kind)));
		return kinds;
	}

	private static Map<String, String> stored(Facility facility) {
		Map<String, String> stored = new LinkedHashMap<>();
		stored.put("name", facility.name());
		stored.put("address", facility.address());
		stored.put("phone", facility.phone());
		stored.put("careFrom", (facility.careFrom() != null) ? facility.careFrom().toString() : null);
		stored.put("careTo", (facility.careTo() != null) ? facility.careTo().toString() : null);
		return stored;
	}

	private static LocalDate date(String text) {
		return (text != null) ? LocalDate.parse(text) : null;
	}

}

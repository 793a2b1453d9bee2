package org.consilium.cases.internal;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.consilium.cases.CaseDetails;
import org.consilium.cases.CaseId;
import org.consilium.cases.CaseReference;
import org.consilium.cases.CaseStatus;
import org.consilium.cases.CaseSummary;
import org.consilium.tenant.TenantOwned;

/**
 * The case aggregate. Its id is unique on its own; the table's primary key is
 * {@code (tenant_id, id)} so the data can be distributed by tenant.
 */
@Entity
@Table(name = "medical_case")
class MedicalCase extends TenantOwned {

	@Id
	private UUID id;

	@Column(nullable = false, updatable = false)
	private String reference;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private CaseStatus status;

	@Column(nullable = false)
	private String specialty;

	@Column(nullable = false)
	private String question;

	@Column(name = "patient_id", nullable = false, updatable = false)
	private String patientId;

	@Column(name = "patient_name", nullable = false)
	private String patientName;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@Version
	private long version;

	protected MedicalCase() {
	}

	static MedicalCase draft(CaseReference reference, String specialty, String question, String patientId,
			String patientName, Instant now) {
		MedicalCase draft = new MedicalCase();
		draft.id = CaseId.random().value();
		draft.reference = reference.value();
		draft.status = CaseStatus.DRAFT;
		draft.specialty = specialty;
		draft.question = question;
		draft.patientId = patientId;
		draft.patientName = patientName;
		draft.createdAt = now;
		draft.updatedAt = now;
		return draft;
	}

	boolean belongsTo(String userId) {
		return this.patientId.equals(userId);
	}

	CaseId id() {
		return new CaseId(this.id);
	}

	CaseSummary summary() {
		return new CaseSummary(id(), new CaseReference(this.reference), this.status, this.specialty, this.patientName,
				this.createdAt);
	}

	CaseDetails details() {
		return new CaseDetails(id(), new CaseReference(this.reference), this.status, this.specialty, this.question,
				this.patientName, this.createdAt, this.updatedAt);
	}

}

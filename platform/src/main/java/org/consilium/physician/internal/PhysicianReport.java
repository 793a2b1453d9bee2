package org.consilium.physician.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.consilium.tenant.TenantOwned;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * The doctor's part of a case: clinical history, working diagnosis and their questions
 * for the specialist. Saved as the doctor goes; completed once.
 */
@Entity
@Table(name = "physician_report")
class PhysicianReport extends TenantOwned {

	@Id
	@Column(name = "case_id")
	private UUID caseId;

	@Column(name = "physician_user_id", nullable = false)
	private String physicianUserId;

	private String history;

	private String diagnosis;

	@JdbcTypeCode(SqlTypes.JSON)
	@Column(nullable = false)
	private List<String> questions = new ArrayList<>();

	@Column(name = "completed_at")
	private Instant completedAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@Version
	private long version;

	protected PhysicianReport() {
	}

	PhysicianReport(UUID caseId, String physicianUserId, Instant now) {
		this.caseId = caseId;
		this.physicianUserId = physicianUserId;
		this.updatedAt = now;
	}

	void edit(String history, String diagnosis, List<String> questions, Instant now) {
		this.history = history;
		this.diagnosis = diagnosis;
		this.questions = new ArrayList<>(questions);
		this.updatedAt = now;
	}

	void complete(Instant now) {
		this.completedAt = now;
		this.updatedAt = now;
	}

	boolean completed() {
		return this.completedAt != null;
	}

	DoctorReport view() {
		return new DoctorReport(this.history, this.diagnosis, List.copyOf(this.questions), this.completedAt);
	}

}

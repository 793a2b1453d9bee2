package org.consilium.cases.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.consilium.cases.CaseDetails;
import org.consilium.cases.CaseEvent;
import org.consilium.cases.CaseRequest;
import org.consilium.cases.CaseId;
import org.consilium.cases.CaseReference;
import org.consilium.cases.CaseStatus;
import org.consilium.cases.DoctorProgress;
import org.consilium.cases.CaseSummary;
import org.consilium.tenant.TenantOwned;
import org.consilium.tenantconfig.Workflow;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

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

	/** The first question, kept for lists; all questions are in {@link #questions}. */
	@Column
	private String question;

	@JdbcTypeCode(SqlTypes.JSON)
	@Column(nullable = false)
	private List<String> questions = new ArrayList<>();

	@JdbcTypeCode(SqlTypes.JSON)
	@Column(name = "intake_answers", nullable = false)
	private Map<String, String> intakeAnswers = new LinkedHashMap<>();

	private String symptoms;

	private String history;

	private String medications;

	private String allergies;

	@Column(name = "prior_treatment")
	private String priorTreatment;

	@Column(name = "requested_specialist")
	private String requestedSpecialist;

	@Column(name = "physician_user_id")
	private String physicianUserId;

	@Column(name = "physician_invited_name")
	private String physicianInvitedName;

	@Column(name = "physician_invited_at")
	private Instant physicianInvitedAt;

	@Column(name = "physician_completed_at")
	private Instant physicianCompletedAt;

	@Column(name = "submitted_at")
	private Instant submittedAt;

	@Column(name = "due_on")
	private java.time.LocalDate dueOn;

	@Column(name = "config_version")
	private Integer configVersion;

	@Column(name = "delivered_at")
	private Instant deliveredAt;

	@Column(name = "billing_settled_at")
	private Instant billingSettledAt;

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
		if (question != null && !question.isBlank()) {
			draft.questions.add(question);
		}
		draft.patientId = patientId;
		draft.patientName = patientName;
		draft.createdAt = now;
		draft.updatedAt = now;
		return draft;
	}

	boolean belongsTo(String userId) {
		return this.patientId.equals(userId);
	}

	/** The case's patient, or the doctor taking part in it. */
	boolean involves(String userId) {
		return this.patientId.equals(userId) || userId.equals(this.physicianUserId);
	}

	boolean isOpen() {
		return this.status.isOpen();
	}

	CaseStatus status() {
		return this.status;
	}

	String physicianUserId() {
		return this.physicianUserId;
	}

	String patientId() {
		return this.patientId;
	}

	CaseReference reference() {
		return new CaseReference(this.reference);
	}

	/** Edits the request; only while it is a draft. */
	void edit(CaseRequest request, Instant now) {
		requireStatus(CaseStatus.DRAFT);
		this.specialty = request.specialty();
		this.questions = new ArrayList<>(request.questions());
		this.question = request.questions().isEmpty() ? null : request.questions().get(0);
		this.intakeAnswers = new LinkedHashMap<>(request.intakeAnswers());
		this.symptoms = request.symptoms();
		this.history = request.history();
		this.medications = request.medications();
		this.allergies = request.allergies();
		this.priorTreatment = request.priorTreatment();
		this.requestedSpecialist = request.requestedSpecialist();
		this.updatedAt = now;
	}

	CaseRequest request() {
		return new CaseRequest(this.specialty, List.copyOf(this.questions), Map.copyOf(this.intakeAnswers),
				this.symptoms, this.history, this.medications, this.allergies, this.priorTreatment,
				this.requestedSpecialist);
	}

	/** Moves the case by the one state machine. @return the status it left */
	CaseStatus apply(CaseEvent event, Workflow workflow, Instant now) {
		return apply(event, workflow, now, java.util.List.of());
	}

	/**
	 * As {@link #apply(CaseEvent, Workflow, Instant)}, with work still open that guards
	 * it.
	 */
	CaseStatus apply(CaseEvent event, Workflow workflow, Instant now, java.util.List<String> pendingWork) {
		CaseStatus from = this.status;
		this.status = CaseStateMachine.next(from, event, workflow,
				new CaseStateMachine.Facts(this.physicianCompletedAt != null, pendingWork, this.deliveredAt != null,
						this.billingSettledAt != null));
		if (event == CaseEvent.SUBMIT) {
			this.submittedAt = now;
		}
		this.updatedAt = now;
		return from;
	}

	/** The opinion reached its first reader. @return whether this is news */
	boolean delivered(Instant now) {
		if (this.deliveredAt != null) {
			return false;
		}
		this.deliveredAt = now;
		this.updatedAt = now;
		return true;
	}

	/** Billing has nothing left to do. @return whether this is news */
	boolean billingSettled(Instant now) {
		if (this.billingSettledAt != null) {
			return false;
		}
		this.billingSettledAt = now;
		this.updatedAt = now;
		return true;
	}

	boolean readyToClose() {
		return this.deliveredAt != null && this.billingSettledAt != null
				&& CaseStateMachine.allows(this.status, CaseEvent.CLOSE);
	}

	String requestedSpecialist() {
		return this.requestedSpecialist;
	}

	String specialty() {
		return this.specialty;
	}

	java.time.LocalDate dueOn() {
		return this.dueOn;
	}

	void setDueOn(java.time.LocalDate dueOn) {
		this.dueOn = dueOn;
	}

	void stampConfigVersion(int version) {
		this.configVersion = version;
	}

	/** The local doctor takes part in this case from now on. */
	void attachPhysician(String userId, Instant now) {
		if (!isOpen()) {
			throw new IllegalStateException("A closed case takes no doctor");
		}
		if (this.physicianUserId != null && !this.physicianUserId.equals(userId)) {
			throw new IllegalStateException("Another doctor already takes part in this case");
		}
		this.physicianUserId = userId;
		this.updatedAt = now;
	}

	/** The patient invited a doctor (again): the newest invitation counts. */
	void physicianInvited(String doctorName, Instant now) {
		if (!isOpen()) {
			throw new IllegalStateException("A closed case takes no doctor");
		}
		this.physicianInvitedName = doctorName;
		this.physicianInvitedAt = now;
		this.updatedAt = now;
	}

	void physicianCompleted(Instant now) {
		if (this.physicianCompletedAt == null) {
			this.physicianCompletedAt = now;
		}
		this.updatedAt = now;
	}

	DoctorProgress doctorProgress() {
		return new DoctorProgress(this.physicianInvitedName, this.physicianInvitedAt, this.physicianUserId != null,
				this.physicianCompletedAt);
	}

	private void requireStatus(CaseStatus expected) {
		if (this.status != expected) {
			throw new IllegalStateException("Case " + this.reference + " is " + this.status + ", not " + expected);
		}
	}

	CaseId id() {
		return new CaseId(this.id);
	}

	CaseSummary summary() {
		return new CaseSummary(id(), new CaseReference(this.reference), this.status, this.specialty, this.patientName,
				this.createdAt, this.submittedAt, this.dueOn);
	}

	CaseDetails details() {
		return new CaseDetails(id(), new CaseReference(this.reference), this.status, this.specialty, this.question,
				this.patientName, this.createdAt, this.updatedAt, request(), this.physicianUserId != null,
				this.submittedAt, doctorProgress(), this.dueOn);
	}

}

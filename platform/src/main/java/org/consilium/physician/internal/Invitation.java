package org.consilium.physician.internal;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.consilium.cases.CaseId;
import org.consilium.cases.CaseReference;
import org.consilium.tenant.TenantOwned;

/**
 * An invitation of the local doctor to one case: a single-use, expiring link whose token
 * is stored only as its SHA-256. Acceptance is a conditional update
 * ({@link InvitationRepository#accept}), so of two concurrent uses one wins.
 */
@Entity
@Table(name = "physician_invitation")
class Invitation extends TenantOwned {

	@Id
	private UUID id;

	@Column(name = "case_id", nullable = false, updatable = false)
	private UUID caseId;

	@Column(name = "case_reference", nullable = false, updatable = false)
	private String caseReference;

	@Column(name = "token_hash", nullable = false, updatable = false)
	private String tokenHash;

	@Column(name = "doctor_name", nullable = false, updatable = false)
	private String doctorName;

	@Column(name = "doctor_email", nullable = false, updatable = false)
	private String doctorEmail;

	@Column(nullable = false, updatable = false)
	private String practice;

	@Column(name = "invited_by", nullable = false, updatable = false)
	private String invitedBy;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "expires_at", nullable = false, updatable = false)
	private Instant expiresAt;

	@Column(name = "revoked_at")
	private Instant revokedAt;

	@Column(name = "accepted_at")
	private Instant acceptedAt;

	@Column(name = "accepted_by")
	private String acceptedBy;

	protected Invitation() {
	}

	Invitation(CaseId caseId, CaseReference reference, String tokenHash, String doctorName, String doctorEmail,
			String practice, String invitedBy, Instant now, Instant expiresAt) {
		this.id = UUID.randomUUID();
		this.caseId = caseId.value();
		this.caseReference = reference.value();
		this.tokenHash = tokenHash;
		this.doctorName = doctorName;
		this.doctorEmail = doctorEmail;
		this.practice = practice;
		this.invitedBy = invitedBy;
		this.createdAt = now;
		this.expiresAt = expiresAt;
	}

	/** What a link to this invitation leads to now. */
	InvitationState stateAt(Instant now) {
		if (this.acceptedAt != null) {
			return InvitationState.USED;
		}
		if (this.revokedAt != null) {
			return InvitationState.REVOKED;
		}
		if (!now.isBefore(this.expiresAt)) {
			return InvitationState.EXPIRED;
		}
		return InvitationState.VALID;
	}

	/** A newer invitation replaces this one; an accepted one stays as it is. */
	void revoke(Instant now) {
		if (this.acceptedAt == null && this.revokedAt == null) {
			this.revokedAt = now;
		}
	}

	UUID id() {
		return this.id;
	}

	CaseId caseId() {
		return new CaseId(this.caseId);
	}

	CaseReference caseReference() {
		return new CaseReference(this.caseReference);
	}

	String doctorName() {
		return this.doctorName;
	}

	String doctorEmail() {
		return this.doctorEmail;
	}

	String practice() {
		return this.practice;
	}

	Instant createdAt() {
		return this.createdAt;
	}

	Instant expiresAt() {
		return this.expiresAt;
	}

	Instant acceptedAt() {
		return this.acceptedAt;
	}

	String acceptedBy() {
		return this.acceptedBy;
	}

}

package org.consilium.identity.internal;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.consilium.tenant.TenantOwned;

/**
 * A single-use, expiring link sent by e-mail. Only the token's SHA-256 is stored.
 */
@Entity
@Table(name = "account_token")
class AccountToken extends TenantOwned {

	@Id
	private UUID id;

	@Column(name = "user_id", nullable = false, updatable = false)
	private UUID userId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, updatable = false)
	private Purpose purpose;

	@Column(name = "token_hash", nullable = false, updatable = false)
	private String tokenHash;

	@Column(name = "expires_at", nullable = false, updatable = false)
	private Instant expiresAt;

	@Column(name = "used_at")
	private Instant usedAt;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	protected AccountToken() {
	}

	AccountToken(UUID userId, Purpose purpose, String tokenHash, Instant now) {
		this.id = UUID.randomUUID();
		this.userId = userId;
		this.purpose = purpose;
		this.tokenHash = tokenHash;
		this.createdAt = now;
		this.expiresAt = now.plus(purpose.validity);
	}

	/** Uses the token once. @return false if it was used or expired */
	boolean use(Instant now) {
		if (this.usedAt != null || !now.isBefore(this.expiresAt)) {
			return false;
		}
		this.usedAt = now;
		return true;
	}

	boolean isUsableAt(Instant now) {
		return this.usedAt == null && now.isBefore(this.expiresAt);
	}

	UUID userId() {
		return this.userId;
	}

	Purpose purpose() {
		return this.purpose;
	}

	enum Purpose {

		VERIFY_EMAIL(java.time.Duration.ofHours(48)), RESET_PASSWORD(java.time.Duration.ofMinutes(30)),
		/**
		 * A new programme's first admin chooses a password: longer than a reset, since
		 * the person did not ask for it and may read it days later.
		 */
		INVITATION(java.time.Duration.ofDays(7));

		final java.time.Duration validity;

		Purpose(java.time.Duration validity) {
			this.validity = validity;
		}

	}

}

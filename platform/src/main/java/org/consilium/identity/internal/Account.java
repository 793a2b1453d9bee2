package org.consilium.identity.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.consilium.tenant.TenantOwned;
import org.consilium.tenantconfig.Role;

/**
 * An account on one site: a tenant's user, or (in the operator's partition) operator
 * staff. State changes go through methods that check the current state.
 */
@Entity
@Table(name = "user_account")
class Account extends TenantOwned {

	/** Failed sign-ins in a row before the account is locked for a while. */
	static final int MAX_FAILED_SIGN_INS = 5;

	static final Duration LOCK_DURATION = Duration.ofMinutes(15);

	@Id
	private UUID id;

	@Column(nullable = false)
	private String email;

	@Column(name = "display_name", nullable = false)
	private String displayName;

	@Column(name = "password_hash")
	private String passwordHash;

	@Convert(converter = RolesConverter.class)
	@Column(nullable = false)
	private Set<Role> roles;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Status status;

	@Column(name = "email_verified_at")
	private Instant emailVerifiedAt;

	@Column(name = "failed_sign_ins", nullable = false)
	private int failedSignIns;

	@Column(name = "locked_until")
	private Instant lockedUntil;

	@Column(name = "mfa_secret")
	private String mfaSecret;

	@Column(name = "mfa_enabled_at")
	private Instant mfaEnabledAt;

	@Column(name = "mfa_last_step")
	private Long mfaLastStep;

	@Column(name = "session_epoch", nullable = false)
	private int sessionEpoch;

	@Column(name = "employee_id")
	private String employeeId;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@Version
	private long version;

	protected Account() {
	}

	static Account registered(String email, String displayName, String passwordHash, Set<Role> roles, Instant now) {
		Account account = new Account();
		account.id = UUID.randomUUID();
		account.email = email;
		account.displayName = displayName;
		account.passwordHash = passwordHash;
		account.roles = EnumSet.copyOf(roles);
		account.status = Status.PENDING_VERIFICATION;
		account.createdAt = now;
		account.updatedAt = now;
		return account;
	}

	/** An account whose e-mail is already known to be the person's (demo users, SSO). */
	static Account verified(String email, String displayName, String passwordHash, Set<Role> roles, Instant now) {
		Account account = registered(email, displayName, passwordHash, roles, now);
		account.status = Status.ACTIVE;
		account.emailVerifiedAt = now;
		return account;
	}

	void verifyEmail(Instant now) {
		if (this.status == Status.DISABLED) {
			throw new IllegalStateException("A disabled account cannot be verified");
		}
		if (this.emailVerifiedAt == null) {
			this.emailVerifiedAt = now;
		}
		this.status = Status.ACTIVE;
		touch(now);
	}

	boolean isLockedAt(Instant now) {
		return this.lockedUntil != null && this.lockedUntil.isAfter(now);
	}

	/**
	 * @return whether this failure locked the account
	 */
	boolean recordFailedSignIn(Instant now) {
		if (this.lockedUntil != null && !this.lockedUntil.isAfter(now)) {
			this.lockedUntil = null;
			this.failedSignIns = 0;
		}
		this.failedSignIns++;
		touch(now);
		if (this.failedSignIns >= MAX_FAILED_SIGN_INS && this.lockedUntil == null) {
			this.lockedUntil = now.plus(LOCK_DURATION);
			return true;
		}
		return false;
	}

	void recordSuccessfulSignIn(Instant now) {
		this.failedSignIns = 0;
		this.lockedUntil = null;
		touch(now);
	}

	void changePassword(String passwordHash, Instant now) {
		this.passwordHash = passwordHash;
		this.failedSignIns = 0;
		this.lockedUntil = null;
		// Every session signed in with the old password ends.
		this.sessionEpoch++;
		touch(now);
	}

	void disable(Instant now) {
		this.status = Status.DISABLED;
		this.sessionEpoch++;
		touch(now);
	}

	void changeRoles(Set<Role> roles, Instant now) {
		this.roles = EnumSet.copyOf(roles);
		this.sessionEpoch++;
		touch(now);
	}

	void enableMfa(String sealedSecret, long step, Instant now) {
		this.mfaSecret = sealedSecret;
		this.mfaEnabledAt = now;
		this.mfaLastStep = step;
		touch(now);
	}

	/**
	 * A TOTP time step may be used once: steps at or before the last accepted one are
	 * refused.
	 */
	boolean acceptMfaStep(long step, Instant now) {
		if (this.mfaLastStep != null && step <= this.mfaLastStep) {
			return false;
		}
		this.mfaLastStep = step;
		touch(now);
		return true;
	}

	private void touch(Instant now) {
		this.updatedAt = now;
	}

	UUID id() {
		return this.id;
	}

	String email() {
		return this.email;
	}

	String displayName() {
		return this.displayName;
	}

	String passwordHash() {
		return this.passwordHash;
	}

	Set<Role> roles() {
		return EnumSet.copyOf(this.roles.isEmpty() ? EnumSet.noneOf(Role.class) : this.roles);
	}

	Status status() {
		return this.status;
	}

	Instant lockedUntil() {
		return this.lockedUntil;
	}

	String mfaSecret() {
		return this.mfaSecret;
	}

	boolean hasMfa() {
		return this.mfaEnabledAt != null;
	}

	int sessionEpoch() {
		return this.sessionEpoch;
	}

	String employeeId() {
		return this.employeeId;
	}

	void setEmployeeId(String employeeId) {
		this.employeeId = employeeId;
	}

	void rename(String displayName, Instant now) {
		this.displayName = displayName;
		touch(now);
	}

	/** The identity provider says the person's address changed (SSO accounts only). */
	void changeEmail(String email, Instant now) {
		this.email = email;
		touch(now);
	}

	/** Signs in through an identity provider only: there is no password to check. */
	boolean isSsoOnly() {
		return this.passwordHash == null;
	}

	enum Status {

		PENDING_VERIFICATION, ACTIVE, DISABLED

	}

}

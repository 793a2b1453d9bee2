package org.consilium.identity.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

import org.consilium.audit.AuditEntry;
import org.consilium.audit.AuditLog;
import org.consilium.identity.ConsiliumUser;
import org.consilium.system.SecretBox;
import org.consilium.tenant.Tenants;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * TOTP second factor: enrolment (QR code, then a first code proves the app has the
 * secret, then ten single-use recovery codes) and verification (each time step and each
 * recovery code works once; wrong codes count as failed sign-ins).
 */
@Service
class MfaService {

	static final int RECOVERY_CODES = 10;

	private final AccountRepository accounts;

	private final JdbcTemplate jdbc;

	private final SecretBox secrets;

	private final AuditLog audit;

	private final Partitions partitions;

	private final AccountService accountService;

	private final Tenants tenants;

	private final Clock clock;

	MfaService(AccountRepository accounts, JdbcTemplate jdbc, SecretBox secrets, AuditLog audit, Partitions partitions,
			AccountService accountService, Tenants tenants, Clock clock) {
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.secrets = secrets;
		this.audit = audit;
		this.partitions = partitions;
		this.accountService = accountService;
		this.tenants = tenants;
		this.clock = clock;
	}

	/** A new secret to show as a QR code; nothing is stored until a code confirms it. */
	Enrolment startEnrolment(ConsiliumUser user, String issuerFallback) {
		String secret = Totp.newSecret();
		String issuer = user.tenant()
			.flatMap(this.tenants::find)
			.map((tenant) -> tenant.config().displayName())
			.orElse(issuerFallback);
		String uri = Totp.otpauthUri(issuer, user.username(), secret);
		return new Enrolment(secret, uri, QrCodes.svg(uri, 220));
	}

	/**
	 * Stores the secret once the user's app produced a valid code for it.
	 * @return the recovery codes to show once, or empty if the code was wrong
	 */
	List<String> confirmEnrolment(ConsiliumUser user, String secret, String code) {
		OptionalLong step = Totp.verify(secret, code, this.clock.instant());
		if (step.isEmpty()) {
			return List.of();
		}
		return this.partitions.in(user.partition(), () -> {
			Account account = this.accounts.findById(UUID.fromString(user.id())).orElseThrow();
			if (account.hasMfa()) {
				throw new IllegalStateException("This account already has a second factor");
			}
			account.enableMfa(this.secrets.seal(secret), step.getAsLong(), this.clock.instant());
			List<String> codes = new ArrayList<>();
			for (int i = 0; i < RECOVERY_CODES; i++) {
				String recovery = Tokens.newRecoveryCode();
				codes.add(recovery);
				this.jdbc.update(
						"insert into mfa_recovery_code (tenant_id, user_id, code_hash) "
								+ "values (current_setting('app.tenant_id'), ?, ?)",
						account.id(), Tokens.sha256(recovery));
			}
			this.audit.record(AuditEntry.of("MFA_ENROLLED").subject("user", account.id()));
			return codes;
		});
	}

	/**
	 * Checks a TOTP code or a recovery code; each works once. Wrong codes count toward
	 * lockout.
	 */
	boolean verify(ConsiliumUser user, String code) {
		String typed = (code != null) ? code.trim() : "";
		boolean ok = this.partitions.in(user.partition(), () -> {
			Account account = this.accounts.findById(UUID.fromString(user.id())).orElseThrow();
			if (!account.hasMfa() || account.isLockedAt(this.clock.instant())
					|| account.status() != Account.Status.ACTIVE) {
				return false;
			}
			if (typed.matches("[0-9 ]{6,7}")) {
				OptionalLong step = Totp.verify(this.secrets.open(account.mfaSecret()), typed, this.clock.instant());
				if (step.isPresent() && account.acceptMfaStep(step.getAsLong(), this.clock.instant())) {
					this.audit.record(AuditEntry.of("MFA_VERIFIED").subject("user", account.id()));
					return true;
				}
				return false;
			}
			int used = this.jdbc.update(
					"update mfa_recovery_code set used_at = now() where user_id = ? and code_hash = ? and used_at is null",
					account.id(), Tokens.sha256(Tokens.normalizeRecoveryCode(typed)));
			if (used == 1) {
				this.audit.record(AuditEntry.of("MFA_RECOVERY_CODE_USED").subject("user", account.id()));
				return true;
			}
			return false;
		});
		if (!ok) {
			this.partitions.in(user.partition(), () -> {
				this.audit.record(AuditEntry.of("MFA_FAILED").subject("user", user.id()));
				return null;
			});
			this.accountService.recordFailedSignIn(user.partition(), user.username());
		}
		return ok;
	}

	/** Recovery codes not yet used. */
	int remainingRecoveryCodes(ConsiliumUser user) {
		return this.partitions.in(user.partition(),
				() -> this.jdbc.queryForObject(
						"select count(*) from mfa_recovery_code where user_id = ? and used_at is null", Integer.class,
						UUID.fromString(user.id())));
	}

	record Enrolment(String secret, String otpauthUri, String qrSvg) {
	}

}

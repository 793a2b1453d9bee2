package org.consilium.identity.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.consilium.tenant.SiteLinks;
import org.consilium.audit.AuditEntry;
import org.consilium.audit.AuditLog;
import org.consilium.identity.Demographics;
import org.consilium.identity.PasswordPolicy;
import org.consilium.notify.Notice;
import org.consilium.notify.Notifications;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.TenantId;
import org.consilium.tenant.Tenants;
import org.consilium.tenantconfig.NotificationKind;
import org.consilium.tenantconfig.Role;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Local accounts: self-registration with e-mail verification, password reset by
 * single-use expiring link, failed sign-in counting and lockout, disabling. Answers never
 * tell whether an e-mail address has an account. Field problems are message keys, shown
 * next to the field, and a request with problems writes nothing.
 */
@Service
class AccountService {

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");

	private final AccountRepository accounts;

	private final AccountTokenRepository tokens;

	private final PasswordEncoder passwords;

	private final Notifications notifications;

	private final AuditLog audit;

	private final Tenants tenants;

	private final Partitions partitions;

	private final Clock clock;

	private final PatientProfileService profiles;

	AccountService(AccountRepository accounts, AccountTokenRepository tokens, PasswordEncoder passwords,
			Notifications notifications, AuditLog audit, Tenants tenants, Partitions partitions, Clock clock,
			PatientProfileService profiles) {
		this.profiles = profiles;
		this.accounts = accounts;
		this.tokens = tokens;
		this.passwords = passwords;
		this.notifications = notifications;
		this.audit = audit;
		this.tenants = tenants;
		this.partitions = partitions;
		this.clock = clock;
	}

	/** Whether people can register themselves on the current site. */
	boolean registrationOpen() {
		return TenantContext.find()
			.flatMap(this.tenants::find)
			.map((tenant) -> tenant.config().identity().localAccounts())
			.orElse(false);
	}

	/**
	 * Registers a patient on the current tenant's site and e-mails a verification link.
	 * @return problems per field (message keys); empty when accepted
	 */
	Map<String, List<String>> register(String email, String displayName, String password, Locale locale) {
		if (!registrationOpen()) {
			throw new IllegalStateException("This site does not offer registration");
		}
		String address = AccountUserDetailsService.normalize(email);
		String name = (displayName != null) ? displayName.strip() : "";
		Map<String, List<String>> problems = new LinkedHashMap<>();
		if (!EMAIL.matcher(address).matches() || address.length() > 254) {
			problems.put("email", List.of("register.email.invalid"));
		}
		if (name.isEmpty() || name.length() > 120) {
			problems.put("name", List.of("register.name.invalid"));
		}
		List<String> passwordProblems = PasswordPolicy.problems(password, address, name);
		if (!passwordProblems.isEmpty()) {
			problems.put("password", passwordProblems);
		}
		if (!problems.isEmpty()) {
			return problems;
		}
		this.partitions.inCurrentSite(() -> {
			Optional<Account> existing = this.accounts.findByEmail(address);
			if (existing.isPresent()) {
				// Same answer as for a new address; the owner of the address learns what
				// happened.
				this.notifications.send(
						Notice
							.email(NotificationKind.ALREADY_REGISTERED, address, existing.get().displayName(), locale,
									SiteLinks.to("login"))
							.toUser(existing.get().id().toString()));
				this.audit
					.record(AuditEntry.of("REGISTRATION_FOR_EXISTING_ACCOUNT").subject("user", existing.get().id()));
				return null;
			}
			Account account = this.accounts.save(Account.registered(address, name, this.passwords.encode(password),
					EnumSet.of(Role.PATIENT), this.clock.instant()));
			String token = issue(account, AccountToken.Purpose.VERIFY_EMAIL);
			this.notifications.send(Notice.email(NotificationKind.EMAIL_VERIFICATION, address, name, locale,
					SiteLinks.to("verify-email?token=" + token)));
			this.audit.record(AuditEntry.of("ACCOUNT_REGISTERED").subject("user", account.id()));
			return null;
		});
		return Map.of();
	}

	/**
	 * Registers a patient with their demographics (checked, and against the employer's
	 * census where the programme uses one) and e-mails a verification link; all or
	 * nothing.
	 * @return problems per field (message keys); empty when accepted
	 */
	Map<String, List<String>> registerPatient(String email, String password, Demographics demographics, Locale locale) {
		if (!registrationOpen()) {
			throw new IllegalStateException("This site does not offer registration");
		}
		return this.partitions.inCurrentSite(() -> {
			Map<String, List<String>> problems = new LinkedHashMap<>(this.profiles.check(demographics));
			String address = AccountUserDetailsService.normalize(email);
			if (!EMAIL.matcher(address).matches() || address.length() > 254) {
				problems.put("email", List.of("register.email.invalid"));
			}
			String name = (demographics.legalName() != null) ? demographics.legalName().strip() : "";
			List<String> passwordProblems = PasswordPolicy.problems(password, address, name);
			if (!passwordProblems.isEmpty()) {
				problems.put("password", passwordProblems);
			}
			if (!problems.isEmpty()) {
				return problems;
			}
			Optional<Account> existing = this.accounts.findByEmail(address);
			if (existing.isPresent()) {
				this.notifications.send(
						Notice
							.email(NotificationKind.ALREADY_REGISTERED, address, existing.get().displayName(), locale,
									SiteLinks.to("login"))
							.toUser(existing.get().id().toString()));
				this.audit
					.record(AuditEntry.of("REGISTRATION_FOR_EXISTING_ACCOUNT").subject("user", existing.get().id()));
				return Map.of();
			}
			Account account = this.accounts.save(Account.registered(address, name, this.passwords.encode(password),
					EnumSet.of(Role.PATIENT), this.clock.instant()));
			this.profiles.save(account.id().toString(), demographics);
			String token = issue(account, AccountToken.Purpose.VERIFY_EMAIL);
			this.notifications.send(Notice.email(NotificationKind.EMAIL_VERIFICATION, address, name,
					Locale.forLanguageTag(demographics.preferredLanguage()),
					SiteLinks.to("verify-email?token=" + token)));
			this.audit.record(AuditEntry.of("ACCOUNT_REGISTERED").subject("user", account.id()));
			return Map.of();
		});
	}

	/**
	 * @return whether the link was valid (unused, unexpired, of this site)
	 */
	boolean verifyEmail(String token) {
		return this.partitions.inCurrentSite(() -> use(token, AccountToken.Purpose.VERIFY_EMAIL).map((account) -> {
			account.verifyEmail(this.clock.instant());
			this.audit.record(AuditEntry.of("EMAIL_VERIFIED").subject("user", account.id()));
			return true;
		}).orElse(false));
	}

	/**
	 * E-mails a reset link if the address has an account on this site; says nothing
	 * either way.
	 */
	void requestPasswordReset(String email, Locale locale) {
		String address = AccountUserDetailsService.normalize(email);
		this.partitions.inCurrentSite(() -> {
			this.accounts.findByEmail(address)
				.filter((account) -> account.status() != Account.Status.DISABLED)
				.filter((account) -> account.passwordHash() != null)
				.ifPresentOrElse((account) -> {
					String token = issue(account, AccountToken.Purpose.RESET_PASSWORD);
					this.notifications.send(Notice.email(NotificationKind.PASSWORD_RESET, address,
							account.displayName(), locale, SiteLinks.to("reset-password?token=" + token)));
					this.audit.record(AuditEntry.of("PASSWORD_RESET_REQUESTED").subject("user", account.id()));
				}, () -> this.audit.record(AuditEntry.of("PASSWORD_RESET_REQUESTED_UNKNOWN")));
			return null;
		});
	}

	/**
	 * Sets a new password with a reset link. Ends every session of the account. A second
	 * factor, if the account has one, stays required.
	 * @return problems per field; empty when done
	 */
	Map<String, List<String>> resetPassword(String token, String password) {
		return this.partitions.inCurrentSite(() -> {
			// An invitation sets the first password the same way.
			Optional<AccountToken> found = findToken(token, AccountToken.Purpose.RESET_PASSWORD)
				.or(() -> findToken(token, AccountToken.Purpose.INVITATION));
			if (found.isEmpty()) {
				return Map.of("token", List.of("reset.invalid-link"));
			}
			Account account = this.accounts.findById(found.get().userId()).orElseThrow();
			List<String> problems = PasswordPolicy.problems(password, account.email(), account.displayName());
			if (!problems.isEmpty()) {
				return Map.of("password", problems);
			}
			if (!found.get().use(this.clock.instant())) {
				return Map.of("token", List.of("reset.invalid-link"));
			}
			account.changePassword(this.passwords.encode(password), this.clock.instant());
			if (account.status() == Account.Status.PENDING_VERIFICATION) {
				// Following the e-mailed link proves the address as well.
				account.verifyEmail(this.clock.instant());
			}
			this.audit.record(AuditEntry.of("PASSWORD_RESET").subject("user", account.id()));
			return Map.of();
		});
	}

	/** Counts a failed sign-in (committed even though the sign-in fails). */
	void recordFailedSignIn(TenantId site, String email) {
		this.partitions.separately(site, () -> {
			this.accounts.findByEmail(AccountUserDetailsService.normalize(email)).ifPresent((account) -> {
				if (account.recordFailedSignIn(this.clock.instant())) {
					this.audit.record(AuditEntry.of("ACCOUNT_LOCKED")
						.subject("user", account.id())
						.details("after " + Account.MAX_FAILED_SIGN_INS + " failed attempts"));
				}
			});
			return null;
		});
	}

	void recordSuccessfulSignIn(TenantId site, UUID id) {
		this.partitions.in(site, () -> {
			this.accounts.findById(id).ifPresent((account) -> account.recordSuccessfulSignIn(this.clock.instant()));
			return null;
		});
	}

	/** The account's state as sessions must respect it: absent when deleted. */
	Optional<AccountState> state(TenantId site, UUID id) {
		return this.partitions.in(site,
				() -> this.accounts.findById(id).map((a) -> new AccountState(a.status(), a.sessionEpoch(), a.roles())));
	}

	/** Disables an account; all its sessions end at their next request. */
	void disable(TenantId site, UUID id) {
		this.partitions.in(site, () -> {
			Account account = this.accounts.findById(id).orElseThrow();
			account.disable(this.clock.instant());
			this.audit.record(AuditEntry.of("ACCOUNT_DISABLED").subject("user", id));
			return null;
		});
	}

	void changeRoles(TenantId site, UUID id, java.util.Set<Role> roles) {
		this.partitions.in(site, () -> {
			Account account = this.accounts.findById(id).orElseThrow();
			List<Role> before = new ArrayList<>(account.roles());
			account.changeRoles(roles, this.clock.instant());
			this.audit
				.record(AuditEntry.of("ROLES_CHANGED").subject("user", id).details(before + " -> " + account.roles()));
			return null;
		});
	}

	String issue(Account account, AccountToken.Purpose purpose) {
		String token = Tokens.newLinkToken();
		this.tokens.save(new AccountToken(account.id(), purpose, Tokens.sha256(token), this.clock.instant()));
		return token;
	}

	private Optional<Account> use(String token, AccountToken.Purpose purpose) {
		return findToken(token, purpose).filter((found) -> found.use(this.clock.instant()))
			.flatMap((found) -> this.accounts.findById(found.userId()));
	}

	private Optional<AccountToken> findToken(String token, AccountToken.Purpose purpose) {
		if (token == null || token.isBlank() || token.length() > 100) {
			return Optional.empty();
		}
		return this.tokens.findByTokenHash(Tokens.sha256(token))
			.filter((found) -> found.purpose() == purpose)
			.filter((found) -> found.isUsableAt(this.clock.instant()));
	}

	record AccountState(Account.Status status, int sessionEpoch, java.util.Set<Role> roles) {
	}

}

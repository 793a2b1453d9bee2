package org.consilium.identity.internal;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

import org.consilium.identity.ConsiliumUser;
import org.consilium.tenant.TenantId;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Finds the account to sign in on the current site only: a tenant's users on its hosts,
 * operator staff on the operator site. The same e-mail address elsewhere is another
 * account or none.
 */
@Service
class AccountUserDetailsService implements UserDetailsService {

	private final AccountRepository accounts;

	private final Partitions partitions;

	private final Clock clock;

	AccountUserDetailsService(AccountRepository accounts, Partitions partitions, Clock clock) {
		this.accounts = accounts;
		this.partitions = partitions;
		this.clock = clock;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		String email = normalize(username);
		TenantId site = Partitions.currentSite();
		// Accounts made by single sign-on have no password: for the form they do not
		// exist.
		return this.partitions
			.in(site,
					() -> this.accounts.findByEmail(email)
						.filter((account) -> !account.isSsoOnly())
						.map((account) -> details(site, account)))
			.orElseThrow(() -> new UsernameNotFoundException("No such account on this site"));
	}

	private AccountDetails details(TenantId site, Account account) {
		return new AccountDetails(principal(site, account), account.passwordHash(),
				account.status() == Account.Status.ACTIVE, account.isLockedAt(this.clock.instant()), account.hasMfa());
	}

	static ConsiliumUser principal(TenantId site, Account account) {
		return new ConsiliumUser(account.id().toString(), account.email(), account.displayName(),
				site.isPlatform() ? Optional.empty() : Optional.of(site), account.roles(), account.sessionEpoch());
	}

	static String normalize(String email) {
		return (email != null) ? email.trim().toLowerCase(Locale.ROOT) : "";
	}

}

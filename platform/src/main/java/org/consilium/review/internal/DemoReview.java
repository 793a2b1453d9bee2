package org.consilium.review.internal;

import java.util.Map;

import org.consilium.identity.ConsiliumUser;
import org.consilium.identity.DemoAccounts;
import org.consilium.review.Triage;
import org.consilium.specialists.SpecialistDirectory;
import org.consilium.tenantconfig.Role;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Development only: the demo specialists sign in as the demo operator accounts, and each
 * programme's demo case whose records are in is made ready for triage, by the demo triage
 * user through the triage service — so the triage queue has something to show. Runs after
 * the other demo data; idempotent (only while a programme has nothing in triage or
 * review).
 */
@Component
@Profile("dev")
@Order(30)
class DemoReview implements ApplicationRunner {

	/** Demo operator account (e-mail local part) → directory entry. */
	static final Map<String, String> SPECIALIST_ACCOUNTS = Map.of("specialist", "sp-sarah-cohen", "reader",
			"sp-hiroshi-tanaka", "radiologist", "sp-david-aronson", "pathologist", "sp-mei-lin");

	private final DemoAccounts accounts;

	private final SpecialistDirectory directory;

	private final Triage triage;

	DemoReview(DemoAccounts accounts, SpecialistDirectory directory, Triage triage) {
		this.accounts = accounts;
		this.directory = directory;
		this.triage = triage;
	}

	@Override
	public void run(ApplicationArguments args) {
		ConsiliumUser triageUser = null;
		for (ConsiliumUser user : this.accounts.usersOf(null)) {
			String local = user.username().substring(0, user.username().indexOf('@'));
			if (SPECIALIST_ACCOUNTS.containsKey(local) && this.directory.specialistOf(user.id())
				.filter(SPECIALIST_ACCOUNTS.get(local)::equals)
				.isEmpty()) {
				this.directory.linkAccount(SPECIALIST_ACCOUNTS.get(local), user.id());
			}
			if (user.has(Role.TRIAGE)) {
				triageUser = user;
			}
		}
		if (triageUser != null) {
			readyForTriage(triageUser);
		}
	}

	private void readyForTriage(ConsiliumUser triageUser) {
		var previous = SecurityContextHolder.getContext();
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(triageUser, null, triageUser.getAuthorities()));
		SecurityContextHolder.setContext(context);
		try {
			var started = new java.util.HashSet<org.consilium.tenant.TenantId>();
			this.triage.queue(Triage.Lane.READY).forEach((item) -> started.add(item.key().tenant()));
			this.triage.queue(Triage.Lane.IN_REVIEW).forEach((item) -> started.add(item.key().tenant()));
			for (Triage.QueueItem item : this.triage.queue(Triage.Lane.WAITING)) {
				if (!started.contains(item.key().tenant())
						&& item.status() == org.consilium.cases.CaseStatus.AWAITING_RECORDS) {
					this.triage.markReady(item.key());
					started.add(item.key().tenant());
				}
			}
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

}

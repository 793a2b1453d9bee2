package org.consilium.identity.internal;

import java.util.UUID;

import org.consilium.audit.AuditEntry;
import org.consilium.audit.AuditLog;
import org.consilium.identity.ConsiliumUser;
import org.consilium.identity.MfaPendingAuthentication;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.TenantId;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Every sign-in, successful or not, is in the audit log of the site it happened on;
 * failed passwords count toward the account's lockout.
 */
@Component
class SignInAuditor {

	private final AuditLog audit;

	private final AccountService accounts;

	SignInAuditor(AuditLog audit, AccountService accounts) {
		this.audit = audit;
		this.accounts = accounts;
	}

	@EventListener
	void on(AuthenticationSuccessEvent event) {
		if (!(event.getAuthentication().getPrincipal() instanceof ConsiliumUser user)) {
			return;
		}
		boolean pending = event.getAuthentication() instanceof MfaPendingAuthentication;
		record(AuditEntry.of(pending ? "SIGN_IN_PASSWORD_OK_MFA_DUE" : "SIGN_IN").subject("user", user.id()));
		if (!pending) {
			this.accounts.recordSuccessfulSignIn(site(), UUID.fromString(user.id()));
		}
	}

	@EventListener
	void on(AbstractAuthenticationFailureEvent event) {
		// The attempted name is kept: it may be a typo of a real user, never a password.
		record(AuditEntry.of("SIGN_IN_FAILED")
			.subject("username", event.getAuthentication().getName())
			.details(event.getException().getClass().getSimpleName()));
		if (event instanceof AuthenticationFailureBadCredentialsEvent) {
			this.accounts.recordFailedSignIn(site(), event.getAuthentication().getName());
		}
	}

	private void record(AuditEntry entry) {
		TenantContext.runAs(site(), () -> this.audit.record(entry));
	}

	private static TenantId site() {
		return Partitions.currentSite();
	}

}

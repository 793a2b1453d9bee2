package org.consilium.identity.internal;

import org.consilium.audit.AuditEntry;
import org.consilium.audit.AuditLog;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.TenantId;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Every sign-in, successful or not, is in the audit log of the site it happened on.
 */
@Component
class SignInAuditor {

	private final AuditLog audit;

	SignInAuditor(AuditLog audit) {
		this.audit = audit;
	}

	@EventListener
	void on(AuthenticationSuccessEvent event) {
		record(AuditEntry.of("SIGN_IN").subject("user", event.getAuthentication().getName()));
	}

	@EventListener
	void on(AbstractAuthenticationFailureEvent event) {
		// The attempted name is kept: it may be a typo of a real user, never a password.
		record(AuditEntry.of("SIGN_IN_FAILED")
			.subject("user", event.getAuthentication().getName())
			.details(event.getException().getClass().getSimpleName()));
	}

	private void record(AuditEntry entry) {
		TenantContext.callAs(TenantContext.find().orElse(TenantId.PLATFORM), () -> {
			this.audit.record(entry);
			return null;
		});
	}

}

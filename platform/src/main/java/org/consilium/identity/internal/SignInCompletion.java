package org.consilium.identity.internal;

import java.util.UUID;

import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletResponse;
import org.consilium.audit.AuditEntry;
import org.consilium.audit.AuditLog;
import org.consilium.identity.ConsiliumUser;
import org.consilium.identity.MfaPendingAuthentication;
import org.consilium.tenant.TenantContext;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Turns a sign-in whose second factor was just verified into a full one: a new session
 * id, the user's roles, the session limits started afresh.
 */
@Component
class SignInCompletion {

	private final AuditLog audit;

	private final AccountService accounts;

	private final HttpSessionSecurityContextRepository repository = new HttpSessionSecurityContextRepository();

	SignInCompletion(AuditLog audit, AccountService accounts) {
		this.audit = audit;
		this.accounts = accounts;
	}

	void complete(MfaPendingAuthentication pending) {
		ConsiliumUser user = pending.user();
		UsernamePasswordAuthenticationToken full = UsernamePasswordAuthenticationToken.authenticated(user, null,
				user.getAuthorities());
		full.setDetails(pending.getDetails());
		VaadinServletRequest request = VaadinServletRequest.getCurrent();
		VaadinServletResponse response = VaadinServletResponse.getCurrent();
		VaadinService.reinitializeSession(request);
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(full);
		SecurityContextHolder.setContext(context);
		request.getHttpServletRequest().getSession().removeAttribute(SessionLimitsGuard.SIGNED_IN_AT);
		this.repository.saveContext(context, request.getHttpServletRequest(), response.getHttpServletResponse());
		this.accounts.recordSuccessfulSignIn(user.partition(), UUID.fromString(user.id()));
		TenantContext.runAs(user.partition(), () -> this.audit
			.record(AuditEntry.of("SIGN_IN").subject("user", user.id()).details("with second factor")));
	}

}

package org.consilium.identity.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.consilium.audit.AuditEntry;
import org.consilium.audit.AuditLog;
import org.consilium.identity.ConsiliumUser;
import org.consilium.identity.CurrentUser;
import org.consilium.identity.MfaPolicy;
import org.consilium.tenant.TenantContext;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Session rules for signed-in users: idle timeout of 15 minutes for staff roles and 30
 * for patients and doctors (Vaadin's heartbeats do not count as activity:
 * {@code closeIdleSessions}), at most 12 hours from sign-in whatever the activity, and a
 * session ends at its next request when its account was disabled, its password reset or
 * its roles changed (the session epoch).
 */
@Component
class SessionLimitsGuard extends OncePerRequestFilter {

	static final Duration STAFF_IDLE = Duration.ofMinutes(15);

	static final Duration PATIENT_IDLE = Duration.ofMinutes(30);

	static final Duration ABSOLUTE = Duration.ofHours(12);

	static final String SIGNED_IN_AT = SessionLimitsGuard.class.getName() + ".signedInAt";

	private final AccountService accounts;

	private final AuditLog audit;

	private final Clock clock;

	SessionLimitsGuard(AccountService accounts, AuditLog audit, Clock clock) {
		this.accounts = accounts;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<ConsiliumUser> user = CurrentUser.anyPrincipal();
		HttpSession session = request.getSession(false);
		if (user.isPresent() && session != null) {
			String reason = check(user.get(), session);
			if (reason != null) {
				end(session, user.get(), reason);
			}
		}
		chain.doFilter(request, response);
	}

	private String check(ConsiliumUser user, HttpSession session) {
		Instant now = this.clock.instant();
		Object signedInAt = session.getAttribute(SIGNED_IN_AT);
		if (signedInAt == null) {
			session.setAttribute(SIGNED_IN_AT, now);
			Duration idle = MfaPolicy.isStaff(user.roles()) ? STAFF_IDLE : PATIENT_IDLE;
			session.setMaxInactiveInterval((int) idle.toSeconds());
		}
		else if (Duration.between((Instant) signedInAt, now).compareTo(ABSOLUTE) > 0) {
			return "absolute limit of 12 hours reached";
		}
		UUID id;
		try {
			id = UUID.fromString(user.id());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
		Optional<AccountService.AccountState> state = this.accounts.state(user.partition(), id);
		if (state.isEmpty() || state.get().status() == Account.Status.DISABLED) {
			return "account disabled";
		}
		if (state.get().sessionEpoch() != user.sessionEpoch()) {
			return "account changed (password, roles or access)";
		}
		return null;
	}

	private void end(HttpSession session, ConsiliumUser user, String reason) {
		TenantContext.runAs(user.partition(),
				() -> this.audit.record(AuditEntry.of("SESSION_ENDED").subject("user", user.id()).details(reason)));
		SecurityContextHolder.setContext(SecurityContextHolder.createEmptyContext());
		try {
			session.invalidate();
		}
		catch (IllegalStateException alreadyInvalid) {
			// Nothing left to end.
		}
	}

}

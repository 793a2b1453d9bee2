package org.consilium.identity.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.vaadin.flow.shared.ApplicationConstants;
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
 * for patients and doctors, at most 12 hours from sign-in whatever the activity, and a
 * session ends at its next request when its account was disabled, its password reset or
 * its roles changed (the session epoch).
 * <p>
 * Idle time is counted here, from the last request that was not a Vaadin heartbeat or
 * push request: an open tab sends a heartbeat every few minutes, which keeps the servlet
 * session alive however long nobody touches the page (Vaadin's {@code closeIdleSessions}
 * closes the UI but leaves the signed-in HTTP session). The servlet session's own timeout
 * stays as the clean-up of sessions nobody sends anything to.
 */
@Component
class SessionLimitsGuard extends OncePerRequestFilter {

	static final Duration STAFF_IDLE = Duration.ofMinutes(15);

	static final Duration PATIENT_IDLE = Duration.ofMinutes(30);

	static final Duration ABSOLUTE = Duration.ofHours(12);

	static final String SIGNED_IN_AT = SessionLimitsGuard.class.getName() + ".signedInAt";

	static final String ACTIVE_AT = SessionLimitsGuard.class.getName() + ".activeAt";

	/** Requests the browser sends by itself: they keep the page alive, not the user. */
	private static final Set<String> NOT_ACTIVITY = Set.of(ApplicationConstants.REQUEST_TYPE_HEARTBEAT,
			ApplicationConstants.REQUEST_TYPE_PUSH);

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
			else if (isUserActivity(request)) {
				session.setAttribute(ACTIVE_AT, this.clock.instant());
			}
		}
		chain.doFilter(request, response);
	}

	private String check(ConsiliumUser user, HttpSession session) {
		Instant now = this.clock.instant();
		Duration idle = MfaPolicy.isStaff(user.roles()) ? STAFF_IDLE : PATIENT_IDLE;
		Object signedInAt = session.getAttribute(SIGNED_IN_AT);
		if (signedInAt == null) {
			session.setAttribute(SIGNED_IN_AT, now);
			session.setAttribute(ACTIVE_AT, now);
			session.setMaxInactiveInterval((int) idle.toSeconds());
		}
		else if (Duration.between((Instant) signedInAt, now).compareTo(ABSOLUTE) > 0) {
			return "absolute limit of 12 hours reached";
		}
		else if (session.getAttribute(ACTIVE_AT) instanceof Instant activeAt
				&& Duration.between(activeAt, now).compareTo(idle) > 0) {
			return "idle for more than " + idle.toMinutes() + " minutes";
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

	/**
	 * Vaadin names its request type in the query string ({@code ?v-r=heartbeat}); read
	 * from there only, so no request body is ever consumed here.
	 */
	static boolean isUserActivity(HttpServletRequest request) {
		String query = request.getQueryString();
		if (query == null) {
			return true;
		}
		String prefix = ApplicationConstants.REQUEST_TYPE_PARAMETER + "=";
		for (String pair : query.split("&")) {
			if (pair.startsWith(prefix) && NOT_ACTIVITY.contains(pair.substring(prefix.length()))) {
				return false;
			}
		}
		return true;
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

package org.consilium.identity;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The password was right but the second factor is still due. Grants nothing but the MFA
 * views (role {@code MFA_PENDING}); the user's own roles come only with a verified code.
 *
 * @see MfaPolicy
 */
public final class MfaPendingAuthentication extends AbstractAuthenticationToken {

	public static final String ROLE = "MFA_PENDING";

	private final ConsiliumUser user;

	private final boolean enrolled;

	public MfaPendingAuthentication(ConsiliumUser user, boolean enrolled) {
		super(List.of(new SimpleGrantedAuthority("ROLE_" + ROLE)));
		this.user = user;
		this.enrolled = enrolled;
		setAuthenticated(true);
	}

	/** Whether the user already has an authenticator set up (else enrolment is due). */
	public boolean enrolled() {
		return this.enrolled;
	}

	public ConsiliumUser user() {
		return this.user;
	}

	@Override
	public Object getCredentials() {
		return null;
	}

	@Override
	public Object getPrincipal() {
		return this.user;
	}

}

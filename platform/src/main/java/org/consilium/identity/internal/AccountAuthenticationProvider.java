package org.consilium.identity.internal;

import org.consilium.identity.ConsiliumUser;
import org.consilium.identity.MfaPendingAuthentication;
import org.consilium.identity.MfaPolicy;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Password sign-in. The session keeps the principal without any credential; users whose
 * roles require a second factor get a {@link MfaPendingAuthentication} that grants
 * nothing until the code is verified.
 */
class AccountAuthenticationProvider extends DaoAuthenticationProvider {

	AccountAuthenticationProvider(AccountUserDetailsService users, PasswordEncoder encoder) {
		super(users);
		setPasswordEncoder(encoder);
	}

	@Override
	protected Authentication createSuccessAuthentication(Object principal, Authentication authentication,
			UserDetails user) {
		AccountDetails details = (AccountDetails) user;
		ConsiliumUser signedIn = details.user();
		if (MfaPolicy.requiresMfa(signedIn.roles())) {
			MfaPendingAuthentication pending = new MfaPendingAuthentication(signedIn, details.mfaEnrolled());
			pending.setDetails(authentication.getDetails());
			return pending;
		}
		UsernamePasswordAuthenticationToken result = UsernamePasswordAuthenticationToken.authenticated(signedIn, null,
				signedIn.getAuthorities());
		result.setDetails(authentication.getDetails());
		return result;
	}

}

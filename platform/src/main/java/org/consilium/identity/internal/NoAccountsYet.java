package org.consilium.identity.internal;

import org.springframework.context.annotation.Profile;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Outside development nobody can sign in until real accounts exist (issue 3). This also
 * keeps Spring Boot from creating its default user with a generated password.
 */
@Component
@Profile("!dev")
class NoAccountsYet implements UserDetailsService {

	@Override
	public UserDetails loadUserByUsername(String username) {
		throw new UsernameNotFoundException("No accounts are configured");
	}

}

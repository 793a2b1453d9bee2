package org.consilium.identity.internal;

import java.util.Collection;

import org.consilium.identity.ConsiliumUser;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * What the password check needs to know about an account; never leaves the sign-in.
 */
record AccountDetails(ConsiliumUser user, String passwordHash, boolean active, boolean locked,
		boolean mfaEnrolled) implements UserDetails {

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return this.user.getAuthorities();
	}

	@Override
	public String getPassword() {
		return this.passwordHash;
	}

	@Override
	public String getUsername() {
		return this.user.username();
	}

	@Override
	public boolean isAccountNonLocked() {
		return !this.locked;
	}

	@Override
	public boolean isEnabled() {
		return this.active;
	}

}

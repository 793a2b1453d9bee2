package org.consilium.identity;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The user of the current request or Vaadin session.
 */
public final class CurrentUser {

	private CurrentUser() {
	}

	public static Optional<ConsiliumUser> find() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof ConsiliumUser user) {
			return Optional.of(user);
		}
		return Optional.empty();
	}

	/**
	 * @throws IllegalStateException if nobody is signed in; callers are protected by
	 * access rules, so this is a bug, not a user error
	 */
	public static ConsiliumUser require() {
		return find().orElseThrow(() -> new IllegalStateException("No signed-in user"));
	}

}

package org.consilium.identity;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The user of the current request or Vaadin session, once fully signed in (a second
 * factor still due does not count).
 */
public final class CurrentUser {

	private CurrentUser() {
	}

	public static Optional<ConsiliumUser> find() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || authentication instanceof MfaPendingAuthentication) {
			return Optional.empty();
		}
		if (authentication.getPrincipal() instanceof ConsiliumUser user) {
			return Optional.of(user);
		}
		return Optional.empty();
	}

	/** A sign-in waiting for its second factor, if that is where the user is. */
	public static Optional<MfaPendingAuthentication> pendingMfa() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication instanceof MfaPendingAuthentication pending) ? Optional.of(pending) : Optional.empty();
	}

	/** Any principal of this request, including one whose second factor is still due. */
	public static Optional<ConsiliumUser> anyPrincipal() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication != null && authentication.getPrincipal() instanceof ConsiliumUser user)
				? Optional.of(user) : Optional.empty();
	}

	/**
	 * @throws IllegalStateException if nobody is signed in; callers are protected by
	 * access rules, so this is a bug, not a user error
	 */
	public static ConsiliumUser require() {
		return find().orElseThrow(() -> new IllegalStateException("No signed-in user"));
	}

}

package org.consilium.identity;

import java.util.List;
import java.util.Map;

/**
 * Accounts for doctors who follow an invitation link: the link was e-mailed to the
 * address, so it proves the address and the account starts verified. For the local-doctor
 * module, which checks the invitation first.
 */
public interface InvitedPhysicians {

	/**
	 * Creates an active REFERRING_PHYSICIAN account on the current tenant's site, inside
	 * the caller's transaction (it rolls back with the caller's work). The password must
	 * satisfy {@link PasswordPolicy}.
	 * @return the new user, or the problems per field (message keys) and nothing stored;
	 * an address that already has an account on this site is a problem of the
	 * {@code email} field
	 */
	Registration register(String email, String name, String password);

	/**
	 * Signs the user in on the current Vaadin request (a new session id, as any sign-in),
	 * audited. Only for a user just created or authenticated by the caller.
	 */
	void signIn(ConsiliumUser user);

	/** A new account, or why there is none. */
	record Registration(ConsiliumUser user, Map<String, List<String>> problems) {

		public Registration {
			problems = Map.copyOf(problems);
		}

		public boolean ok() {
			return this.user != null;
		}

	}

}

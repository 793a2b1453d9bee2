package org.consilium.identity;

import java.util.Optional;

/**
 * How to reach an account of the current site by e-mail, for modules that notify people
 * they only know by user id (e.g. the patient of a case).
 */
public interface Contacts {

	/** The account's e-mail address and name, if it exists on the current site. */
	Optional<Contact> find(String userId);

	/** The active accounts of the current site with this role. */
	java.util.List<Contact> withRole(org.consilium.tenantconfig.Role role);

	/** An account's address and name. */
	record Contact(String userId, String email, String displayName) {
	}

}

package org.consilium.identity;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;

/**
 * A new programme's first admin: an account made by a platform admin, activated by the
 * person through an e-mailed single-use link where they choose a password; the second
 * factor is then set up at the first sign-in, as for every admin.
 */
public interface TenantAdminInvitations {

	/**
	 * Creates a TENANT_ADMIN account in the current tenant's partition and writes the
	 * invitation to the outbox, inside the caller's transaction (nothing is sent unless
	 * it commits).
	 * @param siteUrl the programme's own root URL, ending in {@code /}: the link must
	 * lead there, not to the operator site the invitation is made on
	 * @return problems per field ({@code email}, {@code name}; message keys); empty when
	 * done, and nothing written otherwise
	 */
	@PreAuthorize("hasRole('PLATFORM_ADMIN')")
	Map<String, List<String>> invite(String email, String name, Locale locale, String siteUrl);

}

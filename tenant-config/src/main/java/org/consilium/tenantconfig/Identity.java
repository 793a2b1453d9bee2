package org.consilium.tenantconfig;

import java.util.List;

/**
 * How a tenant's users sign in.
 *
 * @param localAccounts whether users may register and sign in with e-mail and password
 * @param samlProviders the tenant's own SAML identity providers; no other is accepted on
 * its hosts
 */
public record Identity(boolean localAccounts, List<SamlProvider> samlProviders) {

	public Identity {
		samlProviders = List.copyOf(samlProviders);
	}

	public boolean hasSso() {
		return !this.samlProviders.isEmpty();
	}

}

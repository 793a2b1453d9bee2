package org.consilium.identity;

import java.util.Optional;

import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Test sign-ins for a programme's admins: a SAML sign-in against one of the current
 * tenant's saved providers whose response is checked like any other but only reported —
 * no account is made or changed and nobody is signed in (neither the tested person nor,
 * instead of them, the admin). See docs/decisions/024-sso-test-sign-in.md.
 */
public interface SsoTests {

	/**
	 * Starts a test of a provider of the current tenant's saved configuration.
	 * @return the address (relative to the site) to open in a new browser window; it
	 * leads to the identity provider and, after its answer, to the report
	 * @throws IllegalArgumentException if the tenant has no such provider
	 */
	@PreAuthorize("hasRole('TENANT_ADMIN')")
	Started start(String providerId);

	/**
	 * The report of a test this admin started on this site, once the identity provider
	 * answered; empty before, after it expired, and for anyone else.
	 */
	@PreAuthorize("hasRole('TENANT_ADMIN')")
	Optional<SsoTestReport> report(String token);

	/** A started test: its one-time token and the address that runs it. */
	record Started(String token, String url) {

	}

}

package org.consilium.tenantconfig;

import java.util.Map;
import java.util.Optional;

/**
 * One SAML identity provider of a tenant.
 *
 * @param id registration id, unique within the tenant, used in URLs
 * @param entityId the IdP's entity id
 * @param metadata where its metadata comes from
 * @param idpInitiatedLogin whether unsolicited responses are accepted
 * @param attributes which assertion attributes carry which user properties
 * @param roleMapping group value to tenant role
 * @param eligibility who may use the programme; empty means everyone the IdP signs in
 */
public record SamlProvider(String id, String displayName, String entityId, Metadata metadata, boolean idpInitiatedLogin,
		AttributeMapping attributes, Map<String, Role> roleMapping, Optional<EligibilityRule> eligibility) {

	public SamlProvider {
		roleMapping = Map.copyOf(roleMapping);
	}

	/** IdP metadata, either a file next to the tenant file or an https URL. */
	public record Metadata(Optional<String> file, Optional<String> url) {

	}

	/** Assertion attribute names; email is required, the rest optional. */
	public record AttributeMapping(String email, Optional<String> firstName, Optional<String> lastName,
			Optional<String> employeeId, Optional<String> groups) {

	}

}

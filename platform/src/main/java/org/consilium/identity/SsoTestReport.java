package org.consilium.identity;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.consilium.tenantconfig.Role;

/**
 * What a test sign-in found (docs/decisions/024-sso-test-sign-in.md): what the identity
 * provider sent, whether every check of a real sign-in accepted it, and how the
 * provider's mapping reads it. Nothing of it was applied to any account.
 *
 * @param providerId the provider tested
 * @param at when the response arrived
 * @param accepted whether the response passed every check (XML, signature, issuer,
 * destination, audience, times, request, one use); a refused one has the reason in
 * {@code problem} and nothing else
 * @param problem why the response was refused (the validators' own words), if it was
 * @param issuer the issuer the verified response names
 * @param nameId the subject's NameID
 * @param nameIdFormat its format, if given
 * @param responseSigned whether the response itself carried a valid signature
 * @param assertionSigned whether the assertion carried a valid signature
 * @param attributes every attribute of the assertion with its values, in order
 * @param mapping how the provider's mapping reads them
 */
public record SsoTestReport(String providerId, Instant at, boolean accepted, Optional<String> problem, String issuer,
		String nameId, String nameIdFormat, boolean responseSigned, boolean assertionSigned,
		Map<String, List<String>> attributes, Optional<Mapping> mapping) {

	public SsoTestReport {
		attributes = Map.copyOf(attributes);
	}

	/** A response the checks refused. */
	public static SsoTestReport refused(String providerId, Instant at, String problem) {
		return new SsoTestReport(providerId, at, false, Optional.of(problem), null, null, null, false, false, Map.of(),
				Optional.empty());
	}

	/**
	 * The person as a real sign-in would see them.
	 *
	 * @param refusal why a real sign-in would still be refused with this assertion (no
	 * e-mail address, a transient NameID, not eligible), if it would
	 */
	public record Mapping(String email, String displayName, String employeeId, List<String> groups, Set<Role> roles,
			Eligibility eligibility, Optional<String> refusal) {

	}

	/**
	 * The eligibility decision.
	 *
	 * @param checked whether the programme checks eligibility at sign-in at all
	 * @param attribute the rule's attribute
	 * @param anyOf the values it allows
	 * @param values the values the assertion carries
	 */
	public record Eligibility(boolean checked, String attribute, List<String> anyOf, List<String> values,
			boolean eligible) {

	}

}

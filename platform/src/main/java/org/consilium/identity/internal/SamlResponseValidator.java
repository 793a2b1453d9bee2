package org.consilium.identity.internal;

import org.opensaml.saml.saml2.core.Response;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.saml2.core.Saml2Error;
import org.springframework.security.saml2.core.Saml2ErrorCodes;
import org.springframework.security.saml2.core.Saml2ResponseValidatorResult;
import org.springframework.security.saml2.provider.service.authentication.AbstractSaml2AuthenticationRequest;
import org.springframework.security.saml2.provider.service.authentication.OpenSaml4AuthenticationProvider;
import org.springframework.security.saml2.provider.service.authentication.OpenSaml4AuthenticationProvider.ResponseToken;

/**
 * Spring's response checks (status, issuer, destination when present, InResponseTo when
 * present) plus ours: exactly one assertion (with one there is nothing to choose between,
 * which is what signature-wrapping attacks need), a destination that names us, and the
 * tenant's rule on unsolicited responses — a response that answers none of our requests
 * is accepted only where the provider enables IdP-initiated sign-in, and one that names a
 * request must name the one we sent.
 */
final class SamlResponseValidator implements Converter<ResponseToken, Saml2ResponseValidatorResult> {

	private final Converter<ResponseToken, Saml2ResponseValidatorResult> spring = OpenSaml4AuthenticationProvider
		.createDefaultResponseValidator();

	private final SamlRegistrations registrations;

	SamlResponseValidator(SamlRegistrations registrations) {
		this.registrations = registrations;
	}

	@Override
	public Saml2ResponseValidatorResult convert(ResponseToken token) {
		Saml2ResponseValidatorResult result = this.spring.convert(token);
		Response response = token.getResponse();
		if (response.getAssertions().size() != 1 || !response.getEncryptedAssertions().isEmpty()) {
			result = result.concat(new Saml2Error(Saml2ErrorCodes.MALFORMED_RESPONSE_DATA,
					"Response [" + response.getID() + "] must carry exactly one plain assertion"));
		}
		if (response.getDestination() == null || response.getDestination().isBlank()) {
			result = result.concat(new Saml2Error(Saml2ErrorCodes.INVALID_DESTINATION,
					"Response [" + response.getID() + "] names no destination"));
		}
		AbstractSaml2AuthenticationRequest request = token.getToken().getAuthenticationRequest();
		if (request == null) {
			String registrationId = token.getToken().getRelyingPartyRegistration().getRegistrationId();
			boolean allowed = this.registrations.current(registrationId)
				.map((found) -> found.provider().idpInitiatedLogin())
				.orElse(false);
			if (!allowed) {
				result = result.concat(new Saml2Error(SsoRejection.UNSOLICITED,
						"Response [" + response.getID() + "] answers no request of ours and the provider "
								+ registrationId + " does not allow IdP-initiated sign-in"));
			}
		}
		else if (!request.getId().equals(response.getInResponseTo())) {
			result = result.concat(new Saml2Error(Saml2ErrorCodes.INVALID_IN_RESPONSE_TO,
					"Response [" + response.getID() + "] does not answer our request [" + request.getId() + "]"));
		}
		return result;
	}

}

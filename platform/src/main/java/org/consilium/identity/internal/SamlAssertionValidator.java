package org.consilium.identity.internal;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.namespace.QName;

import org.opensaml.saml.common.assertion.ValidationContext;
import org.opensaml.saml.common.assertion.ValidationResult;
import org.opensaml.saml.saml2.assertion.ConditionValidator;
import org.opensaml.saml.saml2.assertion.SAML20AssertionValidator;
import org.opensaml.saml.saml2.assertion.SAML2AssertionValidationParameters;
import org.opensaml.saml.saml2.assertion.impl.AudienceRestrictionConditionValidator;
import org.opensaml.saml.saml2.assertion.impl.BearerSubjectConfirmationValidator;
import org.opensaml.saml.saml2.assertion.impl.DelegationRestrictionConditionValidator;
import org.opensaml.saml.saml2.assertion.impl.ProxyRestrictionConditionValidator;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.AudienceRestriction;
import org.opensaml.saml.saml2.core.Condition;
import org.opensaml.saml.saml2.core.OneTimeUse;
import org.opensaml.saml.saml2.core.Response;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.saml2.core.Saml2Error;
import org.springframework.security.saml2.core.Saml2ErrorCodes;
import org.springframework.security.saml2.core.Saml2ResponseValidatorResult;
import org.springframework.security.saml2.provider.service.authentication.AbstractSaml2AuthenticationRequest;
import org.springframework.security.saml2.provider.service.authentication.OpenSaml4AuthenticationProvider.AssertionToken;
import org.springframework.security.saml2.provider.service.registration.RelyingPartyRegistration;

/**
 * Validates each assertion as Spring Security's default assertion validator does —
 * conditions with the audience, a bearer subject confirmation with our recipient,
 * NotOnOrAfter and InResponseTo, five minutes of clock skew — but built on the
 * five-argument {@link SAML20AssertionValidator} constructor that OpenSAML 4.0.1 has.
 * Spring's own ({@code createDefaultAssertionValidator*()}) calls a six-argument
 * constructor that exists only from OpenSAML 4.1, which is not on Maven Central, and
 * fails with {@code NoSuchMethodError} at the first sign-in: never call it. See
 * docs/decisions/010-saml-with-opensaml-4.0.1.md.
 * <p>
 * Stricter than Spring's default where the Web SSO profile allows it: an audience
 * restriction and a bearer confirmation with recipient and NotOnOrAfter are required, and
 * a solicited response's confirmation must answer our request. Signatures are verified
 * before this runs (by Spring, on the response or the assertion), not here.
 */
final class SamlAssertionValidator implements Converter<AssertionToken, Saml2ResponseValidatorResult> {

	static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

	private static final SAML20AssertionValidator VALIDATOR = new SAML20AssertionValidator(
			List.of(new AudienceRestrictionConditionValidator(), new DelegationRestrictionConditionValidator(),
					new ProxyRestrictionConditionValidator(), new OneTimeUseAccepted()),
			List.of(new BearerSubjectConfirmationValidator()), List.of(), null, null) {

		@Override
		protected ValidationResult validateSignature(Assertion token, ValidationContext context) {
			return ValidationResult.VALID;
		}

	};

	@Override
	public Saml2ResponseValidatorResult convert(AssertionToken token) {
		Assertion assertion = token.getAssertion();
		ValidationContext context = context(token);
		String failure;
		try {
			ValidationResult result = VALIDATOR.validate(assertion, context);
			failure = (result == ValidationResult.VALID) ? null : context.getValidationFailureMessage();
		}
		catch (Exception ex) {
			failure = ex.getMessage();
		}
		if (failure == null && context.getDynamicParameters()
			.get(SAML2AssertionValidationParameters.CONFIRMED_SUBJECT_CONFIRMATION) == null) {
			// OpenSAML passes an assertion without any subject confirmation; a bearer
			// assertion must carry one.
			failure = "no bearer subject confirmation";
		}
		if (failure == null) {
			return Saml2ResponseValidatorResult.success();
		}
		String response = (assertion.getParent() instanceof Response parent) ? parent.getID() : null;
		return Saml2ResponseValidatorResult.failure(new Saml2Error(Saml2ErrorCodes.INVALID_ASSERTION,
				"Invalid assertion [" + assertion.getID() + "] for SAML response [" + response + "]: " + failure));
	}

	private static ValidationContext context(AssertionToken token) {
		RelyingPartyRegistration registration = token.getToken().getRelyingPartyRegistration();
		AbstractSaml2AuthenticationRequest request = token.getToken().getAuthenticationRequest();
		Map<String, Object> params = new HashMap<>();
		params.put(SAML2AssertionValidationParameters.CLOCK_SKEW, CLOCK_SKEW);
		params.put(SAML2AssertionValidationParameters.VALID_ISSUERS,
				Set.of(registration.getAssertingPartyMetadata().getEntityId()));
		params.put(SAML2AssertionValidationParameters.SIGNATURE_REQUIRED, false);
		params.put(SAML2AssertionValidationParameters.COND_REQUIRED_CONDITIONS,
				Set.of(AudienceRestriction.DEFAULT_ELEMENT_NAME));
		params.put(SAML2AssertionValidationParameters.COND_VALID_AUDIENCES, Set.of(registration.getEntityId()));
		params.put(SAML2AssertionValidationParameters.SC_VALID_RECIPIENTS,
				Set.of(registration.getAssertionConsumerServiceLocation()));
		params.put(SAML2AssertionValidationParameters.SC_RECIPIENT_REQUIRED, true);
		params.put(SAML2AssertionValidationParameters.SC_NOT_ON_OR_AFTER_REQUIRED, true);
		// Browsers behind proxies and carrier NAT change addresses; Spring skips this
		// too.
		params.put(SAML2AssertionValidationParameters.SC_CHECK_ADDRESS, false);
		if (request != null) {
			params.put(SAML2AssertionValidationParameters.SC_VALID_IN_RESPONSE_TO, request.getId());
			params.put(SAML2AssertionValidationParameters.SC_IN_RESPONSE_TO_REQUIRED, true);
		}
		return new ValidationContext(params);
	}

	/**
	 * OneTimeUse holds for every assertion here: the replay cache refuses any assertion
	 * id seen before ({@link SamlReplayCache}).
	 */
	private static final class OneTimeUseAccepted implements ConditionValidator {

		@Override
		public QName getServicedCondition() {
			return OneTimeUse.DEFAULT_ELEMENT_NAME;
		}

		@Override
		public ValidationResult validate(Condition condition, Assertion assertion, ValidationContext context) {
			return ValidationResult.VALID;
		}

	}

}

package org.consilium.identity.internal;

import org.springframework.security.saml2.core.Saml2Error;
import org.springframework.security.saml2.core.Saml2ErrorCodes;
import org.springframework.security.saml2.provider.service.authentication.Saml2AuthenticationException;

/**
 * A SAML sign-in we refuse for a reason of our own (beyond Spring's checks), with what
 * the audit log should name as its subject when we know who tried.
 */
class SsoRejection extends Saml2AuthenticationException {

	static final String UNSOLICITED = "unsolicited_response";

	static final String REPLAYED = "replayed_assertion";

	static final String FORBIDDEN_XML = "forbidden_xml";

	static final String NOT_ELIGIBLE = "not_eligible";

	static final String ACCOUNT_CONFLICT = "account_conflict";

	static final String ACCOUNT_DISABLED = "account_disabled";

	static final String UNUSABLE_SUBJECT = "unusable_subject";

	private final String nameId;

	SsoRejection(String code, String description) {
		this(code, description, null);
	}

	SsoRejection(String code, String description, String nameId) {
		super(new Saml2Error(code, description));
		this.nameId = nameId;
	}

	/** The NameID the identity provider asserted, when the response got that far. */
	String nameId() {
		return this.nameId;
	}

	/**
	 * What the person is told: the page's reason. Security failures all read the same
	 * ("could not be completed"), so nobody probing learns which check caught them.
	 */
	static String pageReason(String code) {
		return switch (code) {
			case NOT_ELIGIBLE -> "not-eligible";
			case ACCOUNT_CONFLICT -> "account-conflict";
			case ACCOUNT_DISABLED -> "disabled";
			case Saml2ErrorCodes.RELYING_PARTY_REGISTRATION_NOT_FOUND -> "unavailable";
			default -> "rejected";
		};
	}

}

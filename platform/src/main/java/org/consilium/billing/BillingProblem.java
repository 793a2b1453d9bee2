package org.consilium.billing;

/**
 * A billing action cannot be done; the message key says why.
 */
public class BillingProblem extends RuntimeException {

	private final String messageKey;

	public BillingProblem(String messageKey) {
		super(messageKey);
		this.messageKey = messageKey;
	}

	public String messageKey() {
		return this.messageKey;
	}

}

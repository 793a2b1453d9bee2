package org.consilium.billing.internal;

import com.stripe.exception.StripeException;

/**
 * Stripe could not be reached or refused a request that is not about the card (which
 * {@link com.stripe.exception.CardException} reports): the work is retried later.
 */
class PaymentProviderException extends RuntimeException {

	PaymentProviderException(StripeException cause) {
		super("Stripe: " + cause.getMessage() + " (request " + cause.getRequestId() + ")", cause);
	}

}

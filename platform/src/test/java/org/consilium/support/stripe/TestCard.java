package org.consilium.support.stripe;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Stripe's test PaymentMethods (https://docs.stripe.com/testing) this server knows, and
 * how a charge on each ends. A card saved by Checkout keeps the behaviour of the test
 * card the customer "entered".
 */
enum TestCard {

	VISA("pm_card_visa", "visa", "4242", null, false, false),

	MASTERCARD("pm_card_mastercard", "mastercard", "4444", null, false, false),

	CHARGE_DECLINED("pm_card_chargeDeclined", "visa", "0002", "generic_decline", false, true),

	INSUFFICIENT_FUNDS("pm_card_chargeDeclinedInsufficientFunds", "visa", "9995", "insufficient_funds", false, true),

	/** Saves fine (Checkout in setup mode completes), every charge on it is declined. */
	CHARGE_CUSTOMER_FAIL("pm_card_chargeCustomerFail", "visa", "0341", "generic_decline", false, false),

	/** Needs 3D Secure on every payment, so an off-session charge fails. */
	AUTHENTICATION_REQUIRED("pm_card_authenticationRequired", "visa", "3184", null, true, false);

	final String token;

	final String brand;

	final String last4;

	/** Null when charges succeed. */
	final String declineCode;

	final boolean requiresAuthentication;

	/** Declined already when saved, so Checkout in setup mode cannot complete with it. */
	final boolean declinedOnSetup;

	TestCard(String token, String brand, String last4, String declineCode, boolean requiresAuthentication,
			boolean declinedOnSetup) {
		this.token = token;
		this.brand = brand;
		this.last4 = last4;
		this.declineCode = declineCode;
		this.requiresAuthentication = requiresAuthentication;
		this.declinedOnSetup = declinedOnSetup;
	}

	static TestCard byToken(String token) {
		return Arrays.stream(values()).filter((card) -> card.token.equals(token)).findFirst().orElse(null);
	}

	static String tokens() {
		return Arrays.stream(values()).map((card) -> card.token).collect(Collectors.joining(", "));
	}

	String declineMessage() {
		return "insufficient_funds".equals(this.declineCode) ? "Your card has insufficient funds."
				: "Your card was declined.";
	}

}

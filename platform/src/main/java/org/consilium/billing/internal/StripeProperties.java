package org.consilium.billing.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Consilium reaches Stripe. Without a secret key billing is "not configured": nothing
 * is charged and a platform admin settles by hand.
 *
 * @param secretKey the Stripe secret key ({@code CONSILIUM_STRIPE_SECRET_KEY})
 * @param webhookSecret the signing secret of the webhook endpoint
 * ({@code CONSILIUM_STRIPE_WEBHOOK_SECRET}); without it every webhook is refused
 * @param apiBase Stripe's API address (a Stripe-shaped local server in tests)
 * @param webhookTolerance how old a signed webhook may be
 * @param workInterval how often the charge worker looks for pending charges
 */
@ConfigurationProperties("consilium.billing.stripe")
record StripeProperties(@DefaultValue("") String secretKey, @DefaultValue("") String webhookSecret,
		@DefaultValue("https://api.stripe.com") String apiBase, @DefaultValue("300s") Duration webhookTolerance,
		@DefaultValue("10s") Duration workInterval) {

	boolean configured() {
		return !this.secretKey.isBlank();
	}

}

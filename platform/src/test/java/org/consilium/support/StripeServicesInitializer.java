package org.consilium.support;

import org.consilium.support.stripe.StripeServer;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points billing at the run's Stripe-shaped server, with its test key and webhook signing
 * secret (generated at start, never in the repository).
 */
public class StripeServicesInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		StripeServer stripe = StripeServer.get();
		TestPropertyValues
			.of("consilium.billing.stripe.secret-key=" + stripe.apiKey(),
					"consilium.billing.stripe.api-base=" + stripe.baseUrl(),
					"consilium.billing.stripe.webhook-secret=" + stripe.webhookSecret(),
					"consilium.billing.stripe.work-interval=1h")
			.applyTo(context.getEnvironment());
	}

}

package org.consilium.support;

import org.consilium.support.stripe.StripeServer;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points billing at the run's Stripe-shaped server, with its test key and webhook signing
 * secret (generated at start, never in the repository). Besides the shipped programmes
 * there is {@code refundco}: the public programme with a full refund when a completed
 * case is cancelled (no shipped programme refunds after completion), and {@code quietco}:
 * an employer-paid programme no test bills (for empty states).
 */
public class StripeServicesInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static final TestTenantFiles FILES = TestTenantFiles.copyOfShipped()
		.withTenantLikePublic("refundco",
				(yaml) -> yaml.replace("afterCompletionRefund: 0", "afterCompletionRefund: 100")
					.replace("displayName: Consilium Second Opinion", "displayName: Refundco Second Opinion"))
		.withTenantLikePublic("quietco",
				(yaml) -> yaml.replace("payer: PATIENT", "payer: EMPLOYER")
					.replace("patientCharge: ON_COMPLETION", "employerInvoicing: MONTHLY")
					.replace("  processingFee: 25.00\n", "")
					.replace("displayName: Consilium Second Opinion", "displayName: Quietco Second Opinion"))
		// Whose configuration the console tests change (and put back).
		.withTenantLikePublic("consoleco", (yaml) -> yaml.replace("displayName: Consilium Second Opinion",
				"displayName: Consoleco Second Opinion"));

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		StripeServer stripe = StripeServer.get();
		TestPropertyValues.of("consilium.billing.stripe.secret-key=" + stripe.apiKey(),
				"consilium.billing.stripe.api-base=" + stripe.baseUrl(),
				"consilium.billing.stripe.webhook-secret=" + stripe.webhookSecret(),
				"consilium.billing.stripe.work-interval=1h", "consilium.tenancy.tenants-directory=" + FILES.directory())
			.applyTo(context.getEnvironment());
	}

}

package org.consilium.billing.ui;

import org.consilium.cases.CaseDetails;
import org.consilium.cases.Cases;
import org.consilium.identity.ConsiliumUser;
import org.consilium.identity.DemoAccounts;
import org.consilium.physician.internal.DoctorFixtures;
import org.consilium.support.Browser;
import org.consilium.support.BrowserExtension;
import org.consilium.support.StripeIntegrationTest;
import org.consilium.support.TestDatabase;
import org.consilium.support.stripe.StripeServer;
import org.consilium.tenant.TenantId;
import org.consilium.tenant.Tenants;
import org.consilium.tenantconfig.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real browser, with payments configured: a public patient submits, is asked for the
 * processing fee, goes to Stripe-hosted Checkout (the run's Stripe-shaped server), pays,
 * and comes back to a page that says so — the fee paid and the card kept for the payment
 * on completion.
 */
@StripeIntegrationTest
@ExtendWith(BrowserExtension.class)
class PaymentBrowserIT {

	@LocalServerPort
	int port;

	@Autowired
	Cases cases;

	@Autowired
	Tenants tenants;

	@Autowired
	DemoAccounts demo;

	@Test
	void the_patient_pays_the_processing_fee_through_stripe_checkout_and_comes_back_to_a_receipt(Browser browser) {
		ConsiliumUser patient = this.demo.usersOf(TenantId.of("public"))
			.stream()
			.filter((user) -> user.has(Role.PATIENT))
			.findFirst()
			.orElseThrow();
		TestDatabase.get()
			.adminJdbc()
			.update("delete from billing_customer where tenant_id = 'public' and user_id = ?", patient.id());
		CaseDetails submitted = DoctorFixtures.submittedCase(this.cases, this.tenants, "public", patient);
		String site = "http://public.localhost:" + this.port + "/";

		browser.open(site + "login");
		browser.find("vaadin-login-form input[name='username']").sendKeys(patient.username());
		browser.find("vaadin-login-form input[name='password']").sendKeys(this.demo.password());
		browser.find("vaadin-login-form vaadin-button[slot='submit']").click();
		browser.find("#sign-out");
		browser.open(site + "cases/" + submitted.reference().value() + "/payment");
		assertThat(browser.text("#payment-action-needed")).contains("$25.00");
		browser.screenshot("payment-fee-due");

		browser.find("#pay-now").click();
		String checkout = browser.urlMatching(".*/pay/cs_.*");
		assertThat(checkout).startsWith(StripeServer.get().baseUrl());
		String session = checkout.substring(checkout.lastIndexOf('/') + 1);
		assertThat(StripeServer.get().checkoutSession(session).mode()).isEqualTo("payment");
		// The patient enters their card on Stripe's page.
		StripeServer.get().completeCheckout(session);
		browser.find("#success").click();

		browser.urlMatching(".*/cases/" + submitted.reference().value() + "/payment.*");
		assertThat(browser.text("#payment-returned")).startsWith("Thank you");
		assertThat(browser.text("#card-saved")).isNotBlank();
		assertThat(browser.text("#payment-on-completion")).as("the cardiology price, next").contains("$750.00");
		assertThat(browser.text("#receipts")).contains("Processing fee", "$25.00");
		assertThat(browser.script("return document.querySelectorAll('#pay-now').length")).as("nothing left to pay")
			.isEqualTo(0L);
		browser.screenshot("payment-fee-paid");
	}

}

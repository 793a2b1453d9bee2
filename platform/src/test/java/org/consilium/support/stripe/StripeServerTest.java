package org.consilium.support.stripe;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.CardException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.exception.StripeException;
import com.stripe.model.Customer;
import com.stripe.model.Event;
import com.stripe.model.Invoice;
import com.stripe.model.InvoiceItem;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.model.SetupIntent;
import com.stripe.model.StripeCollection;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.net.Webhook;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.InvoiceCreateParams;
import com.stripe.param.InvoiceItemCreateParams;
import com.stripe.param.InvoiceItemListParams;
import com.stripe.param.InvoiceListParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.checkout.SessionCreateParams;
import com.stripe.param.checkout.SessionRetrieveParams;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The Stripe test server behaves like Stripe for the real SDK: every call here goes
 * through {@link StripeClient} over HTTP, and webhook signatures are checked by the SDK's
 * own verifier.
 */
class StripeServerTest {

	private final StripeServer stripe = StripeServer.get();

	private final StripeClient client = StripeClient.builder()
		.setApiKey(this.stripe.apiKey())
		.setApiBase(this.stripe.baseUrl())
		.setMaxNetworkRetries(4)
		.build();

	private final String run = UUID.randomUUID().toString();

	@Test
	void a_card_saved_in_checkout_is_charged_off_session_once_per_idempotency_key() throws Exception {
		Customer customer = customer("ada@example.org");
		assertThat(this.client.v1().customers().retrieve(customer.getId()).getEmail()).isEqualTo("ada@example.org");

		Session session = this.client.v1()
			.checkout()
			.sessions()
			.create(SessionCreateParams.builder()
				.setMode(SessionCreateParams.Mode.SETUP)
				.setCustomer(customer.getId())
				.setCurrency("eur")
				.setSuccessUrl("https://acme.example/billing/done?session={CHECKOUT_SESSION_ID}")
				.setCancelUrl("https://acme.example/billing")
				.putMetadata("case", this.run)
				.setSetupIntentData(SessionCreateParams.SetupIntentData.builder().putMetadata("case", this.run).build())
				.build());
		assertThat(session.getId()).startsWith("cs_");
		assertThat(session.getStatus()).isEqualTo("open");
		assertThat(session.getSetupIntent()).isNull();
		assertThat(session.getUrl()).isEqualTo(this.stripe.baseUrl() + "/pay/" + session.getId());
		assertThat(session.getSuccessUrl()).contains("{CHECKOUT_SESSION_ID}");
		String page = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(session.getUrl())).build(), HttpResponse.BodyHandlers.ofString())
			.body();
		assertThat(page).contains("Stripe test checkout " + session.getId())
			.contains("https://acme.example/billing/done?session=" + session.getId());

		String completed = this.stripe.completeCheckout(session.getId());
		Event event = Webhook.constructEvent(completed, this.stripe.sign(completed), this.stripe.webhookSecret(), 300);
		assertThat(event.getType()).isEqualTo("checkout.session.completed");
		assertThat(((Session) event.getDataObjectDeserializer().getObject().orElseThrow()).getStatus())
			.isEqualTo("complete");

		Session expanded = this.client.v1()
			.checkout()
			.sessions()
			.retrieve(session.getId(), SessionRetrieveParams.builder().addExpand("setup_intent").build());
		SetupIntent setupIntent = expanded.getSetupIntentObject();
		assertThat(setupIntent.getStatus()).isEqualTo("succeeded");
		assertThat(setupIntent.getCustomer()).isEqualTo(customer.getId());
		assertThat(setupIntent.getMetadata()).containsEntry("case", this.run);
		String paymentMethod = setupIntent.getPaymentMethod();
		assertThat(paymentMethod).startsWith("pm_");
		assertThat(this.client.v1().setupIntents().retrieve(setupIntent.getId()).getPaymentMethod())
			.isEqualTo(paymentMethod);

		int creations = this.stripe.paymentIntentCreations();
		RequestOptions once = RequestOptions.builder().setIdempotencyKey("charge-" + this.run).build();
		PaymentIntent charged = this.client.v1()
			.paymentIntents()
			.create(offSession(customer.getId(), paymentMethod, 12_000), once);
		assertThat(charged.getStatus()).isEqualTo("succeeded");
		assertThat(charged.getLatestCharge()).startsWith("ch_");
		assertThat(charged.getMetadata()).containsEntry("case", this.run);
		assertThat(charged.getAmountReceived()).isEqualTo(12_000);

		PaymentIntent replayed = this.client.v1()
			.paymentIntents()
			.create(offSession(customer.getId(), paymentMethod, 12_000), once);
		assertThat(replayed.getId()).isEqualTo(charged.getId());
		assertThat(replayed.getLastResponse().headers().firstValue("Idempotent-Replayed")).hasValue("true");
		assertThat(this.stripe.paymentIntentCreations()).isEqualTo(creations + 1);
		assertThat(this.stripe.paymentIntentsWithMetadata("case", this.run)).hasSize(1);

		IdempotencyException changed = catchThrowableOfType(IdempotencyException.class,
				() -> this.client.v1()
					.paymentIntents()
					.create(offSession(customer.getId(), paymentMethod, 13_000), once));
		assertThat(changed.getStatusCode()).isEqualTo(400);
		assertThat(changed.getStripeError().getType()).isEqualTo("idempotency_error");
		assertThat(this.client.v1().paymentIntents().retrieve(charged.getId()).getStatus()).isEqualTo("succeeded");
	}

	@Test
	void a_declined_card_raises_a_card_error_with_the_payment_intent_and_its_replay_too() throws Exception {
		Customer customer = customer("bob@example.org");
		RequestOptions once = RequestOptions.builder().setIdempotencyKey("declined-" + this.run).build();
		int creations = this.stripe.paymentIntentCreations();

		CardException declined = catchThrowableOfType(CardException.class,
				() -> this.client.v1()
					.paymentIntents()
					.create(offSession(customer.getId(), "pm_card_chargeDeclined", 5_000), once));
		assertThat(declined.getStatusCode()).isEqualTo(402);
		assertThat(declined.getCode()).isEqualTo("card_declined");
		assertThat(declined.getDeclineCode()).isEqualTo("generic_decline");
		assertThat(declined.getCharge()).startsWith("ch_");
		PaymentIntent failed = declined.getStripeError().getPaymentIntent();
		assertThat(failed.getId()).startsWith("pi_");
		assertThat(failed.getStatus()).isEqualTo("requires_payment_method");
		assertThat(failed.getLastPaymentError().getCode()).isEqualTo("card_declined");
		assertThat(this.stripe.paymentIntent(failed.getId()).status()).isEqualTo("requires_payment_method");

		CardException again = catchThrowableOfType(CardException.class,
				() -> this.client.v1()
					.paymentIntents()
					.create(offSession(customer.getId(), "pm_card_chargeDeclined", 5_000), once));
		assertThat(again.getStripeError().getPaymentIntent().getId()).isEqualTo(failed.getId());
		assertThat(this.stripe.paymentIntentCreations()).isEqualTo(creations + 1);
	}

	@Test
	void an_off_session_charge_that_needs_authentication_is_declined() {
		Customer customer = customer("cy@example.org");
		CardException refused = catchThrowableOfType(CardException.class,
				() -> this.client.v1()
					.paymentIntents()
					.create(offSession(customer.getId(), "pm_card_authenticationRequired", 5_000)));
		assertThat(refused.getCode()).isEqualTo("authentication_required");
		PaymentIntent intent = refused.getStripeError().getPaymentIntent();
		assertThat(intent.getId()).startsWith("pi_");
		assertThat(intent.getStatus()).isEqualTo("requires_payment_method");
	}

	@Test
	void a_card_saved_as_failing_is_declined_when_charged() throws Exception {
		Customer customer = customer("dee@example.org");
		Session session = setupSession(customer.getId());
		this.stripe.completeCheckout(session.getId(), "pm_card_chargeCustomerFail");
		String setupIntent = this.stripe.checkoutSession(session.getId()).setupIntent();
		String saved = this.client.v1().setupIntents().retrieve(setupIntent).getPaymentMethod();

		CardException declined = catchThrowableOfType(CardException.class,
				() -> this.client.v1().paymentIntents().create(offSession(customer.getId(), saved, 5_000)));
		assertThat(declined.getCode()).isEqualTo("card_declined");
		assertThatThrownBy(
				() -> this.stripe.completeCheckout(setupSession(customer.getId()).getId(), "pm_card_chargeDeclined"))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void stripe_refuses_bad_requests_like_stripe() throws Exception {
		Customer customer = customer("eve@example.org");
		InvalidRequestException noMethod = catchThrowableOfType(InvalidRequestException.class,
				() -> this.client.v1()
					.paymentIntents()
					.create(PaymentIntentCreateParams.builder()
						.setAmount(5_000L)
						.setCurrency("eur")
						.setCustomer(customer.getId())
						.setConfirm(true)
						.setOffSession(true)
						.build()));
		assertThat(noMethod.getStatusCode()).isEqualTo(400);
		assertThat(noMethod.getParam()).isEqualTo("payment_method");
		// A request refused by its parameter checks ran nothing: its key is free again.
		RequestOptions key = RequestOptions.builder().setIdempotencyKey("fixed-" + this.run).build();
		assertThatThrownBy(
				() -> this.client.v1().paymentIntents().create(offSession(customer.getId(), "pm_card_visa", 10), key))
			.isInstanceOf(InvalidRequestException.class);
		assertThat(this.client.v1()
			.paymentIntents()
			.create(offSession(customer.getId(), "pm_card_visa", 5_000), key)
			.getStatus()).isEqualTo("succeeded");

		InvalidRequestException missing = catchThrowableOfType(InvalidRequestException.class,
				() -> this.client.v1().customers().retrieve("cus_missing"));
		assertThat(missing.getStatusCode()).isEqualTo(404);
		assertThat(missing.getCode()).isEqualTo("resource_missing");

		InvalidRequestException unknownCustomer = catchThrowableOfType(InvalidRequestException.class,
				() -> this.client.v1().paymentIntents().create(offSession("cus_missing", "pm_card_visa", 5_000)));
		assertThat(unknownCustomer.getStatusCode()).isEqualTo(400);
		assertThat(unknownCustomer.getParam()).isEqualTo("customer");

		InvalidRequestException unknownParameter = catchThrowableOfType(InvalidRequestException.class,
				() -> this.client.v1()
					.customers()
					.create(CustomerCreateParams.builder().putExtraParam("colour", "blue").build()));
		assertThat(unknownParameter.getCode()).isEqualTo("parameter_unknown");

		InvalidRequestException longMetadata = catchThrowableOfType(InvalidRequestException.class,
				() -> this.client.v1()
					.customers()
					.create(CustomerCreateParams.builder().putMetadata("note", "x".repeat(501)).build()));
		assertThat(longMetadata.getParam()).isEqualTo("metadata[note]");

		StripeClient wrongKey = StripeClient.builder()
			.setApiKey("sk_test_wrong")
			.setApiBase(this.stripe.baseUrl())
			.build();
		AuthenticationException unauthenticated = catchThrowableOfType(AuthenticationException.class,
				() -> wrongKey.v1().customers().retrieve(customer.getId()));
		assertThat(unauthenticated.getStatusCode()).isEqualTo(401);
	}

	@Test
	void checkout_in_payment_mode_creates_the_payment_intent_with_its_metadata() throws Exception {
		Customer customer = customer("fay@example.org");
		Session session = this.client.v1()
			.checkout()
			.sessions()
			.create(SessionCreateParams.builder()
				.setMode(SessionCreateParams.Mode.PAYMENT)
				.setCustomer(customer.getId())
				.addLineItem(SessionCreateParams.LineItem.builder()
					.setQuantity(2L)
					.setPriceData(SessionCreateParams.LineItem.PriceData.builder()
						.setCurrency("eur")
						.setUnitAmount(4_500L)
						.setProductData(SessionCreateParams.LineItem.PriceData.ProductData.builder()
							.setName("Second opinion")
							.build())
						.build())
					.build())
				.setPaymentIntentData(
						SessionCreateParams.PaymentIntentData.builder().putMetadata("case", this.run).build())
				.setSuccessUrl("https://acme.example/paid")
				.setCancelUrl("https://acme.example/cancelled")
				.build());
		assertThat(session.getPaymentIntent()).isNull();
		assertThat(session.getAmountTotal()).isEqualTo(9_000);

		this.stripe.completeCheckout(session.getId());

		Session expanded = this.client.v1()
			.checkout()
			.sessions()
			.retrieve(session.getId(), SessionRetrieveParams.builder().addExpand("payment_intent").build());
		assertThat(expanded.getStatus()).isEqualTo("complete");
		assertThat(expanded.getPaymentStatus()).isEqualTo("paid");
		PaymentIntent paid = expanded.getPaymentIntentObject();
		assertThat(paid.getStatus()).isEqualTo("succeeded");
		assertThat(paid.getAmount()).isEqualTo(9_000);
		assertThat(paid.getMetadata()).containsEntry("case", this.run);
		assertThat(this.stripe.paymentIntentsWithMetadata("case", this.run)).extracting(StripeObjects.PaymentIntent::id)
			.containsExactly(paid.getId());
	}

	@Test
	void pending_invoice_items_become_the_lines_of_a_finalized_invoice() throws Exception {
		Customer customer = customer("gus@example.org");
		for (long amount : new long[] { 15_000, 2_500 }) {
			this.client.v1()
				.invoiceItems()
				.create(InvoiceItemCreateParams.builder()
					.setCustomer(customer.getId())
					.setAmount(amount)
					.setCurrency("eur")
					.setDescription("Opinion " + amount)
					.putMetadata("case", this.run)
					.build());
		}
		StripeCollection<InvoiceItem> pending = this.client.v1()
			.invoiceItems()
			.list(InvoiceItemListParams.builder().setCustomer(customer.getId()).build());
		assertThat(pending.getData()).hasSize(2).allSatisfy((item) -> assertThat(item.getInvoice()).isNull());

		Invoice draft = this.client.v1()
			.invoices()
			.create(InvoiceCreateParams.builder()
				.setCustomer(customer.getId())
				.setCollectionMethod(InvoiceCreateParams.CollectionMethod.SEND_INVOICE)
				.setDaysUntilDue(14L)
				.setAutoAdvance(false)
				.setPendingInvoiceItemsBehavior(InvoiceCreateParams.PendingInvoiceItemsBehavior.INCLUDE)
				.setDescription("Second opinions")
				.putMetadata("case", this.run)
				.build());
		assertThat(draft.getStatus()).isEqualTo("draft");
		assertThat(draft.getTotal()).isEqualTo(17_500);
		assertThat(draft.getAmountDue()).isEqualTo(17_500);
		assertThat(draft.getLines().getData()).hasSize(2).allSatisfy((line) -> {
			assertThat(line.getId()).startsWith("il_");
			assertThat(line.getParent().getInvoiceItemDetails().getInvoiceItem()).startsWith("ii_");
			assertThat(line.getMetadata()).containsEntry("case", this.run);
		});
		assertThat(this.stripe.invoiceItems(customer.getId()))
			.allSatisfy((item) -> assertThat(item.invoice()).isEqualTo(draft.getId()));

		Invoice finalized = this.client.v1().invoices().finalizeInvoice(draft.getId());
		assertThat(finalized.getStatus()).isEqualTo("open");
		assertThat(finalized.getNumber()).matches("CONS-\\d{4}");
		assertThat(finalized.getHostedInvoiceUrl()).startsWith(this.stripe.baseUrl());
		assertThatThrownBy(() -> this.client.v1().invoices().finalizeInvoice(draft.getId()))
			.isInstanceOf(InvalidRequestException.class);

		assertThat(this.client.v1()
			.invoices()
			.list(InvoiceListParams.builder().setCustomer(customer.getId()).build())
			.getData()).extracting(Invoice::getId).containsExactly(draft.getId());
		assertThat(this.client.v1().invoices().retrieve(draft.getId()).getNumber()).isEqualTo(finalized.getNumber());

		Invoice empty = this.client.v1()
			.invoices()
			.create(InvoiceCreateParams.builder()
				.setCustomer(customer.getId())
				.setPendingInvoiceItemsBehavior(InvoiceCreateParams.PendingInvoiceItemsBehavior.INCLUDE)
				.build());
		assertThat(empty.getLines().getData()).isEmpty();

		String paid = this.stripe.payInvoice(finalized.getId());
		Event event = Webhook.constructEvent(paid, this.stripe.sign(paid), this.stripe.webhookSecret(), 300);
		assertThat(((Invoice) event.getDataObjectDeserializer().getObject().orElseThrow()).getStatus())
			.isEqualTo("paid");
	}

	@Test
	void refunds_stop_at_the_amount_paid() throws Exception {
		Customer customer = customer("hal@example.org");
		PaymentIntent paid = this.client.v1()
			.paymentIntents()
			.create(offSession(customer.getId(), "pm_card_visa", 10_000));

		Refund part = this.client.v1()
			.refunds()
			.create(RefundCreateParams.builder()
				.setPaymentIntent(paid.getId())
				.setAmount(4_000L)
				.setReason(RefundCreateParams.Reason.REQUESTED_BY_CUSTOMER)
				.build());
		assertThat(part.getStatus()).isEqualTo("succeeded");
		assertThat(part.getCharge()).isEqualTo(paid.getLatestCharge());

		InvalidRequestException tooMuch = catchThrowableOfType(InvalidRequestException.class,
				() -> this.client.v1()
					.refunds()
					.create(RefundCreateParams.builder().setPaymentIntent(paid.getId()).setAmount(6_001L).build()));
		assertThat(tooMuch.getStatusCode()).isEqualTo(400);
		assertThat(tooMuch.getCode()).isEqualTo("amount_too_large");

		Refund rest = this.client.v1()
			.refunds()
			.create(RefundCreateParams.builder().setPaymentIntent(paid.getId()).build());
		assertThat(rest.getAmount()).isEqualTo(6_000);
		assertThat(this.stripe.refunds(paid.getId())).extracting(StripeObjects.Refund::amount)
			.containsExactly(4_000L, 6_000L);
	}

	@Test
	void the_sdk_verifies_signed_events_and_refuses_a_wrong_secret_or_a_stale_timestamp() throws Exception {
		Customer customer = customer("ida@example.org");
		PaymentIntent paid = this.client.v1()
			.paymentIntents()
			.create(offSession(customer.getId(), "pm_card_visa", 7_000));
		String secret = "whsec_" + this.run;
		String payload = this.stripe.paymentIntentEvent("payment_intent.succeeded", paid.getId());
		long now = Instant.now().getEpochSecond();

		Event event = Webhook.constructEvent(payload, StripeServer.sign(payload, secret, now), secret, 300);
		assertThat(event.getId()).startsWith("evt_");
		assertThat(event.getApiVersion()).isEqualTo(com.stripe.Stripe.API_VERSION);
		PaymentIntent delivered = (PaymentIntent) event.getDataObjectDeserializer().getObject().orElseThrow();
		assertThat(delivered.getId()).isEqualTo(paid.getId());
		assertThat(delivered.getMetadata()).containsEntry("case", this.run);

		assertThatThrownBy(
				() -> Webhook.constructEvent(payload, StripeServer.sign(payload, "whsec_other", now), secret, 300))
			.isInstanceOf(SignatureVerificationException.class);
		assertThatThrownBy(
				() -> Webhook.constructEvent(payload, StripeServer.sign(payload, secret, now - 600), secret, 300))
			.isInstanceOf(SignatureVerificationException.class);
		assertThatThrownBy(
				() -> Webhook.constructEvent(payload + " ", StripeServer.sign(payload, secret, now), secret, 300))
			.isInstanceOf(SignatureVerificationException.class);
	}

	@Test
	void concurrent_requests_with_one_idempotency_key_create_one_payment_intent() throws Exception {
		Customer customer = customer("jo@example.org");
		RequestOptions once = RequestOptions.builder().setIdempotencyKey("race-" + this.run).build();
		int posts = this.stripe.requestCount("POST", "/v1/payment_intents");
		ExecutorService threads = Executors.newFixedThreadPool(6);
		this.stripe.delayRequests(Duration.ofMillis(300));
		try {
			List<Future<String>> ids = new ArrayList<>();
			for (int i = 0; i < 6; i++) {
				ids.add(threads.submit(() -> this.client.v1()
					.paymentIntents()
					.create(offSession(customer.getId(), "pm_card_visa", 5_000), once)
					.getId()));
			}
			List<String> answers = new ArrayList<>();
			for (Future<String> id : ids) {
				answers.add(id.get());
			}
			assertThat(answers).containsOnly(answers.get(0));
			assertThat(this.stripe.paymentIntentsWithMetadata("case", this.run)).hasSize(1);
			// The others met the running first request (409, which the SDK retries).
			assertThat(this.stripe.requestCount("POST", "/v1/payment_intents")).isGreaterThan(posts + 6);
		}
		finally {
			this.stripe.delayRequests(Duration.ZERO);
			threads.shutdownNow();
		}
	}

	@Test
	void concurrent_requests_with_their_own_keys_each_create_a_payment_intent() throws Exception {
		Customer customer = customer("kim@example.org");
		ExecutorService threads = Executors.newFixedThreadPool(8);
		try {
			List<Future<String>> ids = new ArrayList<>();
			for (int i = 0; i < 16; i++) {
				ids.add(threads.submit(() -> this.client.v1()
					.paymentIntents()
					.create(offSession(customer.getId(), "pm_card_visa", 5_000))
					.getId()));
			}
			List<String> answers = new ArrayList<>();
			for (Future<String> id : ids) {
				answers.add(id.get());
			}
			assertThat(answers).doesNotHaveDuplicates().hasSize(16);
			assertThat(this.stripe.paymentIntentsWithMetadata("case", this.run)).hasSize(16);
		}
		finally {
			threads.shutdownNow();
		}
	}

	@Test
	void a_lost_response_is_recovered_by_retrying_with_the_same_key() throws Exception {
		Customer customer = customer("lou@example.org");
		RequestOptions once = RequestOptions.builder().setIdempotencyKey("lost-" + this.run).build();
		int posts = this.stripe.requestCount("POST", "/v1/payment_intents");
		// Two: the JDK resends a POST once by itself when the connection drops.
		this.stripe.loseNextResponses(2);

		assertThatThrownBy(() -> this.client.v1()
			.paymentIntents()
			.create(offSession(customer.getId(), "pm_card_visa", 5_000), once))
			.isInstanceOf(ApiConnectionException.class);
		assertThat(this.stripe.requestCount("POST", "/v1/payment_intents")).isEqualTo(posts + 2);
		List<StripeObjects.PaymentIntent> created = this.stripe.paymentIntentsWithMetadata("case", this.run);
		assertThat(created).hasSize(1);

		PaymentIntent retried = this.client.v1()
			.paymentIntents()
			.create(offSession(customer.getId(), "pm_card_visa", 5_000), once);
		assertThat(retried.getId()).isEqualTo(created.get(0).id());
		assertThat(this.stripe.paymentIntentsWithMetadata("case", this.run)).hasSize(1);
	}

	private Customer customer(String email) {
		try {
			Customer customer = this.client.v1()
				.customers()
				.create(CustomerCreateParams.builder()
					.setEmail(email)
					.setName("Test " + email)
					.putMetadata("case", this.run)
					.build());
			assertThat(customer.getId()).startsWith("cus_");
			assertThat(customer.getLivemode()).isFalse();
			return customer;
		}
		catch (StripeException ex) {
			throw new AssertionError(ex);
		}
	}

	private Session setupSession(String customerId) throws StripeException {
		return this.client.v1()
			.checkout()
			.sessions()
			.create(SessionCreateParams.builder()
				.setMode(SessionCreateParams.Mode.SETUP)
				.setCustomer(customerId)
				.addPaymentMethodType(SessionCreateParams.PaymentMethodType.CARD)
				.setSuccessUrl("https://acme.example/done")
				.build());
	}

	private PaymentIntentCreateParams offSession(String customerId, String paymentMethod, long amount) {
		return PaymentIntentCreateParams.builder()
			.setAmount(amount)
			.setCurrency("eur")
			.setCustomer(customerId)
			.setPaymentMethod(paymentMethod)
			.setOffSession(true)
			.setConfirm(true)
			.setDescription("Second opinion")
			.setReceiptEmail("payer@example.org")
			.putMetadata("case", this.run)
			.build();
	}

}

package org.consilium.support.stripe;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.stripe.StripeClient;

import org.consilium.support.stripe.StripeObjects.CheckoutSession;
import org.consilium.support.stripe.StripeObjects.Customer;
import org.consilium.support.stripe.StripeObjects.Invoice;
import org.consilium.support.stripe.StripeObjects.InvoiceItem;
import org.consilium.support.stripe.StripeObjects.PaymentIntent;
import org.consilium.support.stripe.StripeObjects.Refund;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * One Stripe-shaped HTTP server for the test run (WireMock on a free port of 127.0.0.1),
 * for the real Stripe SDK pointed at {@link #baseUrl()} with {@link #apiKey()}.
 *
 * <p>
 * <b>Like Stripe:</b> the {@code /v1} endpoints the platform's billing uses (customers,
 * Checkout Sessions in setup and payment mode, SetupIntents, PaymentMethods, off-session
 * PaymentIntents, invoice items, invoices and their finalisation, refunds) read the SDK's
 * form encoding and answer with Stripe's JSON objects (ids with Stripe's prefixes,
 * {@code livemode:false}, metadata, list objects newest first with {@code limit} 10) and
 * Stripe's error bodies: {@code card_error} 402 with the PaymentIntent, 400
 * {@code invalid_request_error} for missing, unknown or invalid parameters and for ids in
 * parameters that name nothing, 404 for ids in the URL, 401 without the API key. An
 * {@code Idempotency-Key} seen before replays the stored status and body and creates
 * nothing; with other parameters it is a 400 {@code idempotency_error}; while the first
 * request still runs, a 409 (which the SDK retries). Stripe's test cards decide charges
 * ({@code pm_card_visa} succeeds, {@code pm_card_chargeDeclined} and
 * {@code pm_card_chargeCustomerFail} are declined, {@code pm_card_authenticationRequired}
 * fails off session). Webhook events have Stripe's shape and the SDK's API version, and
 * {@link #sign} is Stripe's signature scheme, written here from the specification.
 *
 * <p>
 * <b>Not like Stripe:</b> no webhooks are sent (a test posts the event it gets from
 * {@link #completeCheckout} or the event builders to the application itself); no Prices,
 * Products, Subscriptions, Charges or balance objects; a test PaymentMethod such as
 * {@code pm_card_visa} stays as it is on the PaymentIntent (Stripe would clone it);
 * idempotency keys do not expire after 24 hours; minimum amounts are 50 minor units (30
 * for GBP); taxes, discounts and invoice PDFs are absent; only the parameters listed per
 * endpoint are accepted, any other is refused as unknown so that an unmodelled behaviour
 * fails loudly instead of passing silently.
 *
 * <p>
 * Tests of one JVM share the server: find your objects by customer or metadata rather
 * than by global counts.
 */
public final class StripeServer {

	private static volatile StripeServer instance;

	private final WireMockServer wireMock;

	private final String baseUrl;

	private final String apiKey;

	private final String webhookSecret;

	private final StripeBackend backend;

	private final StripeHttp http;

	private StripeServer() {
		this.apiKey = StripeBackend.newId("sk_test_");
		this.webhookSecret = StripeBackend.newId("whsec_");
		this.backend = new StripeBackend(this::baseUrl);
		this.http = new StripeHttp(this.backend, this.apiKey);
		this.wireMock = new WireMockServer(options().bindAddress("127.0.0.1")
			.dynamicPort()
			.extensionScanningEnabled(false)
			.extensions(this.http)
			.disableRequestJournal()
			.containerThreads(64));
		this.wireMock.start();
		this.wireMock.stubFor(
				WireMock.any(WireMock.anyUrl()).willReturn(WireMock.aResponse().withTransformers(StripeHttp.NAME)));
		this.baseUrl = "http://127.0.0.1:" + this.wireMock.port();
	}

	public static StripeServer get() {
		if (instance == null) {
			synchronized (StripeServer.class) {
				if (instance == null) {
					instance = new StripeServer();
				}
			}
		}
		return instance;
	}

	/** The API base for {@code StripeClient.builder().setApiBase(...)}. */
	public String baseUrl() {
		return this.baseUrl;
	}

	/** The only secret key the server accepts ({@code sk_test_...}, new per JVM). */
	public String apiKey() {
		return this.apiKey;
	}

	/**
	 * A webhook signing secret ({@code whsec_...}) for the application under test; use it
	 * with {@link #sign(String)}.
	 */
	public String webhookSecret() {
		return this.webhookSecret;
	}

	/** An SDK client for this server, for tests that set up Stripe state directly. */
	public StripeClient client() {
		return StripeClient.builder().setApiKey(this.apiKey).setApiBase(this.baseUrl).build();
	}

	/**
	 * Forgets every object, idempotency key and counted request, and clears the
	 * {@link #delayRequests delay} and {@link #loseNextResponses lost responses}. Invoice
	 * numbers keep counting.
	 */
	public void reset() {
		this.backend.clear();
		this.http.clear();
	}

	/**
	 * Every following API request waits this long before it runs (while its idempotency
	 * key is held), to widen race windows; {@link Duration#ZERO} ends it.
	 */
	public void delayRequests(Duration delay) {
		this.http.delay(delay);
	}

	/**
	 * The next {@code count} API requests run as usual (changing Stripe's state, or
	 * replaying a stored response) but their responses are lost: the connection is reset,
	 * as when the network fails after Stripe did the work. A retry with the same
	 * idempotency key gets the stored response. Mind that Java's
	 * {@code HttpURLConnection}, which the SDK uses, silently sends a POST once more when
	 * the connection drops before the response ({@code sun.net.http.retryPost}), so the
	 * SDK sees the failure only when two responses in a row are lost.
	 */
	public void loseNextResponses(int count) {
		this.http.loseResponses(count);
	}

	// What tests read

	/** All PaymentIntents, oldest first, as they are now. */
	public List<PaymentIntent> paymentIntents() {
		return this.backend.paymentIntents();
	}

	public List<PaymentIntent> paymentIntentsWithMetadata(String key, String value) {
		return paymentIntents().stream().filter((intent) -> value.equals(intent.metadata().get(key))).toList();
	}

	public PaymentIntent paymentIntent(String id) {
		return required(this.backend.paymentIntent(id), id);
	}

	/**
	 * How many PaymentIntents were created (by the API or by a completed Checkout),
	 * replays of an idempotency key not counted. Since the last {@link #reset()}.
	 */
	public int paymentIntentCreations() {
		return this.backend.paymentIntentCreations();
	}

	public List<Customer> customers() {
		return this.backend.customers();
	}

	public Customer customer(String id) {
		return required(this.backend.customer(id), id);
	}

	public CheckoutSession checkoutSession(String id) {
		return required(this.backend.checkoutSession(id), id);
	}

	/** The customer's invoice items, oldest first. */
	public List<InvoiceItem> invoiceItems(String customerId) {
		return this.backend.invoiceItems(customerId);
	}

	/** The customer's invoices, oldest first. */
	public List<Invoice> invoices(String customerId) {
		return this.backend.invoices(customerId);
	}

	public Invoice invoice(String id) {
		return required(this.backend.invoice(id), id);
	}

	/** The refunds of a PaymentIntent, oldest first. */
	public List<Refund> refunds(String paymentIntentId) {
		return this.backend.refunds(paymentIntentId);
	}

	/**
	 * How many requests arrived (replays and errors included) with this method (null for
	 * any) on a path starting with the prefix, such as {@code ("POST", "/v1/refunds")}.
	 */
	public int requestCount(String method, String pathPrefix) {
		return this.http.requestCount(method, pathPrefix);
	}

	// What the customer does outside the API

	/**
	 * The customer finishes Checkout with the Visa test card; returns the
	 * {@code checkout.session.completed} event.
	 */
	public String completeCheckout(String sessionId) {
		return completeCheckout(sessionId, "pm_card_visa");
	}

	/**
	 * The customer finishes Checkout with one of Stripe's test cards (such as
	 * {@code pm_card_chargeCustomerFail}, saved but declined when charged). Setup mode
	 * saves it as a new {@code pm_...} of the customer behind a succeeded SetupIntent;
	 * payment mode creates a succeeded PaymentIntent with the session's
	 * {@code payment_intent_data}. Returns the {@code checkout.session.completed} event.
	 */
	public String completeCheckout(String sessionId, String testCard) {
		CheckoutSession session = this.backend.completeCheckout(sessionId, testCard);
		return event("checkout.session.completed", StripeJson.checkoutSession(session));
	}

	/** The customer pays an open invoice; returns the {@code invoice.paid} event. */
	public String payInvoice(String invoiceId) {
		this.backend.payInvoice(invoiceId);
		return invoiceEvent("invoice.paid", invoiceId);
	}

	// Webhook events

	/** A Stripe event of the type about the object (which names its {@code object}). */
	public String event(String type, Map<String, Object> object) {
		return StripeJson.write(StripeJson.event(StripeBackend.newId("evt_"), type, object, StripeBackend.now()));
	}

	public String event(String type, String objectJson) {
		return event(type, StripeJson.read(objectJson));
	}

	/**
	 * A {@code payment_intent.*} event (such as {@code payment_intent.succeeded} or
	 * {@code payment_intent.payment_failed}) with the PaymentIntent as it is now.
	 */
	public String paymentIntentEvent(String type, String paymentIntentId) {
		requireType(type, "payment_intent.");
		return event(type, StripeJson.paymentIntent(paymentIntent(paymentIntentId)));
	}

	/** An {@code invoice.*} event with the invoice as it is now. */
	public String invoiceEvent(String type, String invoiceId) {
		requireType(type, "invoice.");
		Invoice invoice = invoice(invoiceId);
		return event(type, StripeJson.invoice(invoice, this.backend.customer(invoice.customer())));
	}

	/** A {@code checkout.session.*} event with the session as it is now. */
	public String checkoutSessionEvent(String type, String sessionId) {
		requireType(type, "checkout.session.");
		return event(type, StripeJson.checkoutSession(checkoutSession(sessionId)));
	}

	/**
	 * The {@code Stripe-Signature} header for the payload, signed now with
	 * {@link #webhookSecret()}.
	 */
	public String sign(String payload) {
		return sign(payload, this.webhookSecret, Instant.now().getEpochSecond());
	}

	/**
	 * The {@code Stripe-Signature} header Stripe sends: {@code t=<timestamp>,v1=<hex
	 * HMAC-SHA256 of "timestamp.payload" with the secret>}. Written from Stripe's
	 * specification, not with the SDK, so that the SDK's verifier is tested against an
	 * independent signer. A wrong secret or an old timestamp gives a header the SDK must
	 * refuse.
	 */
	public static String sign(String payload, String secret, long epochSeconds) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			byte[] signature = mac.doFinal((epochSeconds + "." + payload).getBytes(StandardCharsets.UTF_8));
			return "t=" + epochSeconds + ",v1=" + HexFormat.of().formatHex(signature);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void requireType(String type, String prefix) {
		if (!type.startsWith(prefix)) {
			throw new IllegalArgumentException("Not a " + prefix + "* event type: " + type);
		}
	}

	private static <T> T required(T value, String id) {
		if (value == null) {
			throw new IllegalArgumentException("The Stripe test server has no " + id);
		}
		return value;
	}

}

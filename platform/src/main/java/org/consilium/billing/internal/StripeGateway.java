package org.consilium.billing.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Map;

import com.stripe.StripeClient;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.exception.StripeException;
import com.stripe.model.Event;
import com.stripe.model.Invoice;
import com.stripe.model.InvoiceItem;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.net.Webhook;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.InvoiceCreateParams;
import com.stripe.param.InvoiceItemCreateParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.checkout.SessionCreateParams;
import com.stripe.param.checkout.SessionRetrieveParams;
import org.consilium.tenantconfig.Money;

import org.springframework.stereotype.Component;

/**
 * Consilium's calls to Stripe, through the official SDK. Every call that creates
 * something carries an idempotency key chosen by the caller from what it stands for (a
 * case, a kind of charge, an attempt), so repeating it after a crash or in a race returns
 * the first result instead of creating a second one.
 */
@Component
class StripeGateway {

	private final StripeProperties properties;

	private final Clock clock;

	private volatile StripeClient client;

	StripeGateway(StripeProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
	}

	boolean configured() {
		return this.properties.configured();
	}

	String createCustomer(String idempotencyKey, String email, String name, Map<String, String> metadata) {
		return call(() -> client().v1()
			.customers()
			.create(CustomerCreateParams.builder().setEmail(email).setName(name).putAllMetadata(metadata).build(),
					options(idempotencyKey))
			.getId());
	}

	/** Stripe-hosted Checkout that saves a card for later off-session charges. */
	Session setupCheckout(String idempotencyKey, String customer, String currency, String successUrl, String cancelUrl,
			Map<String, String> metadata) {
		SessionCreateParams params = SessionCreateParams.builder()
			.setMode(SessionCreateParams.Mode.SETUP)
			.setCustomer(customer)
			.setCurrency(currency)
			.addPaymentMethodType(SessionCreateParams.PaymentMethodType.CARD)
			.setSuccessUrl(successUrl)
			.setCancelUrl(cancelUrl)
			.putAllMetadata(metadata)
			.setSetupIntentData(SessionCreateParams.SetupIntentData.builder().putAllMetadata(metadata).build())
			.build();
		return call(() -> client().v1().checkout().sessions().create(params, options(idempotencyKey)));
	}

	/**
	 * Stripe-hosted Checkout that takes one payment; with {@code saveCard} the card is
	 * kept for the case's later charges too.
	 */
	Session paymentCheckout(String idempotencyKey, String customer, Money amount, String description, String successUrl,
			String cancelUrl, Map<String, String> metadata, boolean saveCard) {
		SessionCreateParams.PaymentIntentData.Builder intent = SessionCreateParams.PaymentIntentData.builder()
			.setDescription(description)
			.putAllMetadata(metadata);
		if (saveCard) {
			intent.setSetupFutureUsage(SessionCreateParams.PaymentIntentData.SetupFutureUsage.OFF_SESSION);
		}
		SessionCreateParams params = SessionCreateParams.builder()
			.setMode(SessionCreateParams.Mode.PAYMENT)
			.setCustomer(customer)
			.addLineItem(SessionCreateParams.LineItem.builder()
				.setQuantity(1L)
				.setPriceData(SessionCreateParams.LineItem.PriceData.builder()
					.setCurrency(currency(amount))
					.setUnitAmount(amount.minorUnits())
					.setProductData(
							SessionCreateParams.LineItem.PriceData.ProductData.builder().setName(description).build())
					.build())
				.build())
			.setPaymentIntentData(intent.build())
			.setSuccessUrl(successUrl)
			.setCancelUrl(cancelUrl)
			.putAllMetadata(metadata)
			.build();
		return call(() -> client().v1().checkout().sessions().create(params, options(idempotencyKey)));
	}

	/** A Checkout session as Stripe has it now, with its setup or payment intent. */
	Session checkoutSession(String id) {
		SessionRetrieveParams params = SessionRetrieveParams.builder()
			.addExpand("setup_intent")
			.addExpand("payment_intent")
			.build();
		return call(() -> client().v1().checkout().sessions().retrieve(id, params, RequestOptions.getDefault()));
	}

	/**
	 * Charges a saved card without the customer present.
	 * @throws com.stripe.exception.CardException when the card is declined or needs the
	 * customer to authenticate
	 */
	PaymentIntent chargeOffSession(String idempotencyKey, String customer, String paymentMethod, Money amount,
			String description, String receiptEmail, Map<String, String> metadata) throws StripeException {
		PaymentIntentCreateParams.Builder params = PaymentIntentCreateParams.builder()
			.setAmount(amount.minorUnits())
			.setCurrency(currency(amount))
			.setCustomer(customer)
			.setPaymentMethod(paymentMethod)
			.setOffSession(true)
			.setConfirm(true)
			.setDescription(description)
			.putAllMetadata(metadata);
		if (receiptEmail != null) {
			params.setReceiptEmail(receiptEmail);
		}
		return client().v1().paymentIntents().create(params.build(), options(idempotencyKey));
	}

	PaymentIntent paymentIntent(String id) {
		return call(() -> client().v1().paymentIntents().retrieve(id));
	}

	InvoiceItem invoiceItem(String idempotencyKey, String customer, Money amount, String description,
			Map<String, String> metadata) {
		InvoiceItemCreateParams params = InvoiceItemCreateParams.builder()
			.setCustomer(customer)
			.setAmount(amount.minorUnits())
			.setCurrency(currency(amount))
			.setDescription(description)
			.putAllMetadata(metadata)
			.build();
		return call(() -> client().v1().invoiceItems().create(params, options(idempotencyKey)));
	}

	/**
	 * An invoice of every pending item of the customer, finalised (sent for payment, due
	 * in 30 days).
	 */
	Invoice finalisedInvoice(String idempotencyKey, String customer, String description, Map<String, String> metadata) {
		InvoiceCreateParams params = InvoiceCreateParams.builder()
			.setCustomer(customer)
			.setCollectionMethod(InvoiceCreateParams.CollectionMethod.SEND_INVOICE)
			.setDaysUntilDue(30L)
			.setAutoAdvance(false)
			.setPendingInvoiceItemsBehavior(InvoiceCreateParams.PendingInvoiceItemsBehavior.INCLUDE)
			.setDescription(description)
			.putAllMetadata(metadata)
			.build();
		return call(() -> {
			Invoice draft = client().v1().invoices().create(params, options(idempotencyKey));
			if (!"draft".equals(draft.getStatus())) {
				return draft;
			}
			return client().v1().invoices().finalizeInvoice(draft.getId(), options(idempotencyKey + ":finalize"));
		});
	}

	Invoice invoice(String id) {
		return call(() -> client().v1().invoices().retrieve(id));
	}

	/**
	 * The invoice items on a finalised invoice: the lines it carries, and the rest of
	 * them page by page when Stripe says there are more.
	 */
	java.util.List<String> invoiceItemsOn(Invoice invoice) {
		return call(() -> {
			java.util.List<String> items = new java.util.ArrayList<>();
			com.stripe.model.InvoiceLineItemCollection lines = invoice.getLines();
			String last = null;
			if (lines != null) {
				for (com.stripe.model.InvoiceLineItem line : lines.getData()) {
					addItem(items, line);
					last = line.getId();
				}
			}
			boolean more = lines == null || Boolean.TRUE.equals(lines.getHasMore());
			while (more) {
				com.stripe.param.InvoiceLineItemListParams.Builder page = com.stripe.param.InvoiceLineItemListParams
					.builder()
					.setLimit(100L);
				if (last != null) {
					page.setStartingAfter(last);
				}
				com.stripe.model.StripeCollection<com.stripe.model.InvoiceLineItem> next = client().v1()
					.invoices()
					.lineItems()
					.list(invoice.getId(), page.build());
				for (com.stripe.model.InvoiceLineItem line : next.getData()) {
					addItem(items, line);
					last = line.getId();
				}
				more = Boolean.TRUE.equals(next.getHasMore()) && !next.getData().isEmpty();
			}
			return items;
		});
	}

	private static void addItem(java.util.List<String> items, com.stripe.model.InvoiceLineItem line) {
		if (line.getParent() != null && line.getParent().getInvoiceItemDetails() != null) {
			items.add(line.getParent().getInvoiceItemDetails().getInvoiceItem());
		}
	}

	Refund refund(String idempotencyKey, String paymentIntent, Money amount, Map<String, String> metadata) {
		RefundCreateParams params = RefundCreateParams.builder()
			.setPaymentIntent(paymentIntent)
			.setAmount(amount.minorUnits())
			.setReason(RefundCreateParams.Reason.REQUESTED_BY_CUSTOMER)
			.putAllMetadata(metadata)
			.build();
		return call(() -> client().v1().refunds().create(params, options(idempotencyKey)));
	}

	/**
	 * The event in a webhook, if its {@code Stripe-Signature} is valid for the raw body
	 * and recent enough.
	 */
	Event verifiedEvent(String payload, String signature) throws SignatureVerificationException {
		if (this.properties.webhookSecret().isBlank()) {
			throw new SignatureVerificationException("No webhook signing secret is configured", signature);
		}
		return Webhook.constructEvent(payload, signature, this.properties.webhookSecret(),
				this.properties.webhookTolerance().toSeconds(), this.clock);
	}

	static Money fromMinorUnits(long amount, java.util.Currency currency) {
		return new Money(BigDecimal.valueOf(amount, currency.getDefaultFractionDigits()), currency);
	}

	private static String currency(Money money) {
		return money.currency().getCurrencyCode().toLowerCase(java.util.Locale.ROOT);
	}

	private static RequestOptions options(String idempotencyKey) {
		return RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
	}

	private StripeClient client() {
		if (!configured()) {
			throw new IllegalStateException("Stripe is not configured (CONSILIUM_STRIPE_SECRET_KEY)");
		}
		StripeClient current = this.client;
		if (current == null) {
			current = StripeClient.builder()
				.setApiKey(this.properties.secretKey())
				.setApiBase(this.properties.apiBase())
				.setMaxNetworkRetries(2)
				.setConnectTimeout(10_000)
				.setReadTimeout(30_000)
				.build();
			this.client = current;
		}
		return current;
	}

	private static <T> T call(StripeCall<T> call) {
		try {
			return call.run();
		}
		catch (StripeException ex) {
			throw new PaymentProviderException(ex);
		}
	}

	@FunctionalInterface
	private interface StripeCall<T> {

		T run() throws StripeException;

	}

}

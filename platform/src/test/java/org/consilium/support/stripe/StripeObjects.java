package org.consilium.support.stripe;

import java.util.List;
import java.util.Map;

/**
 * What the Stripe test server holds, as immutable snapshots a test can assert on (the
 * SDK's classes of the same names are what the platform sees over HTTP). A state change
 * replaces the snapshot; amounts are in the currency's minor unit, times in epoch
 * seconds.
 */
public final class StripeObjects {

	private StripeObjects() {
	}

	public record Customer(String id, long created, String email, String name, String description, String phone,
			String invoicePrefix, Map<String, String> metadata) {
	}

	/**
	 * A card saved by Checkout, or one of Stripe's test cards; {@code testCard} (such as
	 * {@code pm_card_visa}) decides how charges on it end.
	 */
	public record PaymentMethod(String id, long created, String customer, String testCard, String brand, String last4) {
	}

	/** A priced line of a payment-mode Checkout Session ({@code price_data}). */
	public record LineItem(String name, long unitAmount, String currency, long quantity) {

		public long amount() {
			return this.unitAmount * this.quantity;
		}

	}

	public record CheckoutSession(String id, long created, String mode, String status, String url, String customer,
			String customerEmail, String clientReferenceId, String currency, List<String> paymentMethodTypes,
			List<LineItem> lineItems, String successUrl, String cancelUrl, Map<String, String> metadata,
			Map<String, String> setupIntentMetadata, Map<String, String> paymentIntentMetadata,
			String paymentIntentDescription, String setupFutureUsage, String setupIntent, String paymentIntent) {

		public Long amountTotal() {
			return "payment".equals(this.mode) ? this.lineItems.stream().mapToLong(LineItem::amount).sum() : null;
		}

		/**
		 * Where Stripe sends the browser after payment, with the session id filled in.
		 */
		public String successRedirect() {
			return (this.successUrl != null) ? this.successUrl.replace("{CHECKOUT_SESSION_ID}", this.id) : null;
		}

		CheckoutSession completed(String setupIntentId, String paymentIntentId) {
			return new CheckoutSession(this.id, this.created, this.mode, "complete", this.url, this.customer,
					this.customerEmail, this.clientReferenceId, this.currency, this.paymentMethodTypes, this.lineItems,
					this.successUrl, this.cancelUrl, this.metadata, this.setupIntentMetadata,
					this.paymentIntentMetadata, this.paymentIntentDescription, this.setupFutureUsage, setupIntentId,
					paymentIntentId);
		}

	}

	public record SetupIntent(String id, long created, String customer, String paymentMethod, String status,
			String description, Map<String, String> metadata) {
	}

	/**
	 * The outcome of a failed confirmation, as Stripe puts it in
	 * {@code last_payment_error}.
	 */
	public record PaymentError(String code, String declineCode, String message, String charge) {
	}

	/**
	 * A PaymentIntent and how it was created ({@code idempotencyKey} of the request that
	 * created it, null without one).
	 */
	public record PaymentIntent(String id, long created, long amount, String currency, String customer,
			String paymentMethod, String status, String description, String receiptEmail, Map<String, String> metadata,
			String latestCharge, PaymentError lastPaymentError, String idempotencyKey) {

		public long amountReceived() {
			return "succeeded".equals(this.status) ? this.amount : 0;
		}

	}

	public record InvoiceItem(String id, long created, String customer, long amount, String currency,
			String description, Map<String, String> metadata, String invoice) {

		InvoiceItem on(String invoiceId) {
			return new InvoiceItem(this.id, this.created, this.customer, this.amount, this.currency, this.description,
					this.metadata, invoiceId);
		}

	}

	public record InvoiceLine(String id, String invoiceItem, long amount, String currency, String description,
			Map<String, String> metadata) {
	}

	public record Invoice(String id, long created, String customer, String status, String collectionMethod,
			Long dueDate, boolean autoAdvance, String currency, String description, Map<String, String> metadata,
			List<InvoiceLine> lines, String number, String hostedInvoiceUrl, Long finalizedAt, Long paidAt) {

		public long total() {
			return this.lines.stream().mapToLong(InvoiceLine::amount).sum();
		}

		public long amountPaid() {
			return "paid".equals(this.status) ? total() : 0;
		}

		Invoice finalized(String number, String hostedInvoiceUrl, long now) {
			// Stripe marks an invoice of nothing to pay as paid when it is finalized.
			boolean nothingDue = total() == 0;
			return new Invoice(this.id, this.created, this.customer, nothingDue ? "paid" : "open",
					this.collectionMethod, this.dueDate, this.autoAdvance, this.currency, this.description,
					this.metadata, this.lines, number, hostedInvoiceUrl, now, nothingDue ? now : null);
		}

		Invoice paid(long now) {
			return new Invoice(this.id, this.created, this.customer, "paid", this.collectionMethod, this.dueDate,
					this.autoAdvance, this.currency, this.description, this.metadata, this.lines, this.number,
					this.hostedInvoiceUrl, this.finalizedAt, now);
		}

	}

	public record Refund(String id, long created, String paymentIntent, String charge, long amount, String currency,
			String reason, String status, Map<String, String> metadata) {
	}

}

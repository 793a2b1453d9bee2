package org.consilium.support.stripe;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.consilium.support.stripe.StripeObjects.CheckoutSession;
import org.consilium.support.stripe.StripeObjects.Customer;
import org.consilium.support.stripe.StripeObjects.Invoice;
import org.consilium.support.stripe.StripeObjects.InvoiceItem;
import org.consilium.support.stripe.StripeObjects.InvoiceLine;
import org.consilium.support.stripe.StripeObjects.PaymentError;
import org.consilium.support.stripe.StripeObjects.PaymentIntent;
import org.consilium.support.stripe.StripeObjects.PaymentMethod;
import org.consilium.support.stripe.StripeObjects.Refund;
import org.consilium.support.stripe.StripeObjects.SetupIntent;

/**
 * The objects in Stripe's JSON shapes (the fields of the API version the SDK pins, those
 * this server models; the rest are left out, which the SDK reads as null).
 */
final class StripeJson {

	private static final ObjectMapper MAPPER = new ObjectMapper();

	private StripeJson() {
	}

	static String write(Object value) {
		try {
			return MAPPER.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static Map<String, Object> read(String json) {
		try {
			return MAPPER.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {
			});
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("Not a JSON object: " + json, ex);
		}
	}

	/** A JSON object from alternating names and values (values may be null). */
	static Map<String, Object> object(Object... namesAndValues) {
		Map<String, Object> object = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			object.put((String) namesAndValues[i], namesAndValues[i + 1]);
		}
		return object;
	}

	static Map<String, Object> list(String url, List<?> data, boolean hasMore) {
		return object("object", "list", "data", data, "has_more", hasMore, "url", url);
	}

	static Map<String, Object> event(String id, String type, Map<String, Object> object, long created) {
		return object("id", id, "object", "event", "api_version", com.stripe.Stripe.API_VERSION, "created", created,
				"data", object("object", object), "livemode", false, "pending_webhooks", 1, "request",
				object("id", null, "idempotency_key", null), "type", type);
	}

	static Map<String, Object> customer(Customer customer) {
		return object("id", customer.id(), "object", "customer", "address", null, "balance", 0, "created",
				customer.created(), "currency", null, "default_source", null, "delinquent", false, "description",
				customer.description(), "email", customer.email(), "invoice_prefix", customer.invoicePrefix(),
				"invoice_settings",
				object("custom_fields", null, "default_payment_method", null, "footer", null, "rendering_options",
						null),
				"livemode", false, "metadata", customer.metadata(), "name", customer.name(), "next_invoice_sequence", 1,
				"phone", customer.phone(), "preferred_locales", List.of(), "shipping", null, "tax_exempt", "none",
				"test_clock", null);
	}

	static Map<String, Object> paymentMethod(PaymentMethod method) {
		int expiryYear = Instant.ofEpochSecond(method.created()).atZone(ZoneOffset.UTC).getYear() + 3;
		return object("id", method.id(), "object", "payment_method", "allow_redisplay", "unspecified",
				"billing_details", object("address", null, "email", null, "name", null, "phone", null), "card",
				object("brand", method.brand(), "country", "US", "exp_month", 12, "exp_year", expiryYear, "funding",
						"credit", "last4", method.last4()),
				"created", method.created(), "customer", method.customer(), "livemode", false, "metadata", Map.of(),
				"type", "card");
	}

	static Map<String, Object> checkoutSession(CheckoutSession session) {
		boolean payment = "payment".equals(session.mode());
		String paymentStatus = !payment ? "no_payment_required"
				: "complete".equals(session.status()) ? "paid" : "unpaid";
		return object("id", session.id(), "object", "checkout.session", "amount_subtotal", session.amountTotal(),
				"amount_total", session.amountTotal(), "cancel_url", session.cancelUrl(), "client_reference_id",
				session.clientReferenceId(), "created", session.created(), "currency", session.currency(), "customer",
				session.customer(), "customer_email", session.customerEmail(), "expires_at",
				session.created() + 24 * 3600, "livemode", false, "metadata", session.metadata(), "mode",
				session.mode(), "payment_intent", session.paymentIntent(), "payment_method_types",
				session.paymentMethodTypes(), "payment_status", paymentStatus, "setup_intent", session.setupIntent(),
				"status", session.status(), "success_url", session.successUrl(), "ui_mode", "hosted", "url",
				"open".equals(session.status()) ? session.url() : null);
	}

	static Map<String, Object> setupIntent(SetupIntent intent) {
		return object("id", intent.id(), "object", "setup_intent", "cancellation_reason", null, "client_secret",
				intent.id() + "_secret_" + intent.id().substring(5), "created", intent.created(), "customer",
				intent.customer(), "description", intent.description(), "last_setup_error", null, "latest_attempt",
				null, "livemode", false, "mandate", null, "metadata", intent.metadata(), "next_action", null,
				"payment_method", intent.paymentMethod(), "payment_method_types", List.of("card"), "status",
				intent.status(), "usage", "off_session");
	}

	static Map<String, Object> paymentIntent(PaymentIntent intent) {
		boolean requiresAction = "requires_action".equals(intent.status());
		return object("id", intent.id(), "object", "payment_intent", "amount", intent.amount(), "amount_capturable", 0,
				"amount_received", intent.amountReceived(), "canceled_at", null, "cancellation_reason", null,
				"capture_method", "automatic_async", "client_secret",
				intent.id() + "_secret_" + intent.id().substring(3), "confirmation_method", "automatic", "created",
				intent.created(), "currency", intent.currency(), "customer", intent.customer(), "description",
				intent.description(), "last_payment_error", paymentError(intent.lastPaymentError()), "latest_charge",
				intent.latestCharge(), "livemode", false, "metadata", intent.metadata(), "next_action",
				requiresAction ? object("type", "use_stripe_sdk", "use_stripe_sdk", Map.of()) : null, "payment_method",
				intent.paymentMethod(), "payment_method_types", List.of("card"), "receipt_email", intent.receiptEmail(),
				"setup_future_usage", null, "status", intent.status());
	}

	private static Map<String, Object> paymentError(PaymentError error) {
		if (error == null) {
			return null;
		}
		return object("type", "card_error", "charge", error.charge(), "code", error.code(), "decline_code",
				error.declineCode(), "doc_url", "https://docs.stripe.com/error-codes/" + error.code().replace('_', '-'),
				"message", error.message());
	}

	static Map<String, Object> invoiceItem(InvoiceItem item) {
		return object("id", item.id(), "object", "invoiceitem", "amount", item.amount(), "currency", item.currency(),
				"customer", item.customer(), "date", item.created(), "description", item.description(), "discountable",
				true, "discounts", List.of(), "invoice", item.invoice(), "livemode", false, "metadata", item.metadata(),
				"net_amount", item.amount(), "parent", null, "period",
				object("end", item.created(), "start", item.created()), "proration", false, "quantity", 1, "tax_rates",
				List.of(), "test_clock", null);
	}

	static Map<String, Object> invoice(Invoice invoice, Customer customer) {
		// Like Stripe, the invoice carries its first 10 lines; the rest are read from
		// /v1/invoices/{id}/lines.
		List<Map<String, Object>> lines = new ArrayList<>();
		for (InvoiceLine line : invoice.lines().subList(0, Math.min(10, invoice.lines().size()))) {
			lines.add(invoiceLine(line, invoice));
		}
		long due = "paid".equals(invoice.status()) ? 0 : invoice.total();
		return object("id", invoice.id(), "object", "invoice", "amount_due", invoice.total(), "amount_overpaid", 0,
				"amount_paid", invoice.amountPaid(), "amount_remaining", due, "attempt_count", 0, "attempted", false,
				"auto_advance", invoice.autoAdvance(), "billing_reason", "manual", "collection_method",
				invoice.collectionMethod(), "created", invoice.created(), "currency", invoice.currency(), "customer",
				invoice.customer(), "customer_email", customer.email(), "customer_name", customer.name(), "description",
				invoice.description(), "due_date", invoice.dueDate(), "effective_at", invoice.finalizedAt(),
				"ending_balance", (invoice.finalizedAt() != null) ? 0 : null, "hosted_invoice_url",
				invoice.hostedInvoiceUrl(), "invoice_pdf", null, "lines",
				object("object", "list", "data", lines, "has_more", invoice.lines().size() > lines.size(),
						"total_count", invoice.lines().size(), "url", "/v1/invoices/" + invoice.id() + "/lines"),
				"livemode", false, "metadata", invoice.metadata(), "number", invoice.number(), "parent", null,
				"period_end", invoice.created(), "period_start", invoice.created(), "starting_balance", 0, "status",
				invoice.status(), "status_transitions",
				object("finalized_at", invoice.finalizedAt(), "marked_uncollectible_at", null, "paid_at",
						invoice.paidAt(), "voided_at", null),
				"subtotal", invoice.total(), "subtotal_excluding_tax", invoice.total(), "total", invoice.total(),
				"total_excluding_tax", invoice.total());
	}

	static Map<String, Object> invoiceLine(InvoiceLine line, Invoice invoice) {
		// invoice_item is where older API versions named the item; the SDK's version
		// reads
		// parent.invoice_item_details.invoice_item.
		return object("id", line.id(), "object", "line_item", "amount", line.amount(), "currency", line.currency(),
				"description", line.description(), "discount_amounts", List.of(), "discountable", true, "discounts",
				List.of(), "invoice", invoice.id(), "invoice_item", line.invoiceItem(), "livemode", false, "metadata",
				line.metadata(), "parent",
				object("type", "invoice_item_details", "invoice_item_details",
						object("invoice_item", line.invoiceItem(), "proration", false, "proration_details",
								object("credited_items", null), "subscription", null),
						"subscription_item_details", null),
				"period", object("end", invoice.created(), "start", invoice.created()), "quantity", 1, "subtotal",
				line.amount(), "taxes", List.of());
	}

	static Map<String, Object> refund(Refund refund) {
		return object("id", refund.id(), "object", "refund", "amount", refund.amount(), "balance_transaction",
				"txn_" + refund.id().substring(3), "charge", refund.charge(), "created", refund.created(), "currency",
				refund.currency(), "metadata", refund.metadata(), "payment_intent", refund.paymentIntent(), "reason",
				refund.reason(), "receipt_number", null, "status", refund.status());
	}

}

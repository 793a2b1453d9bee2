package org.consilium.support.stripe;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.consilium.support.stripe.StripeObjects.CheckoutSession;
import org.consilium.support.stripe.StripeObjects.Customer;
import org.consilium.support.stripe.StripeObjects.Invoice;
import org.consilium.support.stripe.StripeObjects.InvoiceItem;
import org.consilium.support.stripe.StripeObjects.InvoiceLine;
import org.consilium.support.stripe.StripeObjects.LineItem;
import org.consilium.support.stripe.StripeObjects.PaymentError;
import org.consilium.support.stripe.StripeObjects.PaymentIntent;
import org.consilium.support.stripe.StripeObjects.PaymentMethod;
import org.consilium.support.stripe.StripeObjects.Refund;
import org.consilium.support.stripe.StripeObjects.SetupIntent;

/**
 * The in-memory Stripe account behind the HTTP server: one method per endpoint (it checks
 * the parameters like Stripe, changes the state and answers with the JSON object) and the
 * steps a customer takes outside the API (finishing Checkout, paying an invoice).
 *
 * <p>
 * Every request runs under this object's lock, so that concurrent requests see Stripe's
 * guarantees (two invoices never take the same pending item, two refunds never exceed the
 * payment) and reads never see half a change; the tables are concurrent maps of immutable
 * records so that tests can read them without the lock.
 */
final class StripeBackend {

	private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

	private final Supplier<String> baseUrl;

	private final Table<Customer> customers = new Table<>();

	private final Table<PaymentMethod> paymentMethods = new Table<>();

	private final Table<CheckoutSession> sessions = new Table<>();

	private final Table<SetupIntent> setupIntents = new Table<>();

	private final Table<PaymentIntent> paymentIntents = new Table<>();

	private final Table<InvoiceItem> invoiceItems = new Table<>();

	private final Table<Invoice> invoices = new Table<>();

	private final Table<Refund> refunds = new Table<>();

	private final AtomicInteger paymentIntentCreations = new AtomicInteger();

	/**
	 * Not reset with the state: numbers, like Stripe's, are never given twice, even to
	 * tests that keep them in a database with a unique constraint.
	 */
	private final AtomicInteger invoiceNumbers = new AtomicInteger();

	StripeBackend(Supplier<String> baseUrl) {
		this.baseUrl = baseUrl;
	}

	static String newId(String prefix) {
		StringBuilder id = new StringBuilder(prefix);
		for (int i = 0; i < 24; i++) {
			id.append(ALPHANUMERIC.charAt(ThreadLocalRandom.current().nextInt(ALPHANUMERIC.length())));
		}
		return id.toString();
	}

	static long now() {
		return Instant.now().getEpochSecond();
	}

	synchronized void clear() {
		List.of(this.customers, this.paymentMethods, this.sessions, this.setupIntents, this.paymentIntents,
				this.invoiceItems, this.invoices, this.refunds)
			.forEach(Table::clear);
		this.paymentIntentCreations.set(0);
	}

	// Customers

	synchronized Map<String, Object> createCustomer(FormParams params) {
		params.allowOnly("email", "name", "description", "phone", "metadata");
		Customer customer = new Customer(newId("cus_"), now(), params.string("email"), params.string("name"),
				params.string("description"), params.string("phone"),
				newId("").substring(0, 8).toUpperCase(Locale.ROOT), params.metadata("metadata"));
		this.customers.insert(customer.id(), customer);
		return StripeJson.customer(customer);
	}

	synchronized Map<String, Object> retrieveCustomer(String id, FormParams params) {
		params.allowOnly();
		expansions(params);
		return StripeJson.customer(existing(this.customers, id, "customer"));
	}

	// Checkout Sessions

	synchronized Map<String, Object> createCheckoutSession(FormParams params) {
		params.allowOnly("mode", "customer", "customer_email", "client_reference_id", "currency",
				"payment_method_types", "success_url", "cancel_url", "metadata", "setup_intent_data", "line_items",
				"payment_intent_data", "locale");
		params.requireString("mode");
		String mode = params.oneOf("mode", null, "payment", "setup", "subscription");
		if (mode.equals("subscription")) {
			throw ApiError.invalid("mode", "mode=subscription is not modelled by the Stripe test server");
		}
		String customer = params.string("customer");
		if (customer != null) {
			reference(this.customers, customer, "customer", "customer");
			if (params.has("customer_email")) {
				throw ApiError.invalid("customer_email",
						"You may only specify one of these parameters: customer, customer_email.");
			}
		}
		String successUrl = url(params, "success_url");
		String cancelUrl = url(params, "cancel_url");
		List<String> methodTypes = params.strings("payment_method_types");
		String currency = (params.string("currency") != null) ? currency(params.string("currency"), "currency") : null;
		FormParams setupData = params.hash("setup_intent_data").allowOnly("metadata", "description");
		FormParams paymentData = params.hash("payment_intent_data")
			.allowOnly("metadata", "description", "setup_future_usage");
		List<LineItem> lines = new ArrayList<>();
		if (mode.equals("setup")) {
			if (params.has("line_items") || params.has("payment_intent_data")) {
				throw ApiError.invalid(params.has("line_items") ? "line_items" : "payment_intent_data",
						"You cannot pass `line_items` or `payment_intent_data` in `setup` mode.");
			}
			if (currency == null && methodTypes.isEmpty()) {
				throw ApiError.invalidRequest(400, "parameter_missing", "currency",
						"Checkout in setup mode needs `currency` when `payment_method_types` is not given.");
			}
		}
		else {
			if (params.has("setup_intent_data")) {
				throw ApiError.invalid("setup_intent_data", "You cannot pass `setup_intent_data` in `payment` mode.");
			}
			lines = lineItems(params);
			String lineCurrency = lines.get(0).currency();
			if (currency != null && !currency.equals(lineCurrency)) {
				throw ApiError.invalid("currency",
						"The currency must be the line items' currency (" + lineCurrency + "), not " + currency + ".");
			}
			currency = lineCurrency;
		}
		String id = newId("cs_test_");
		CheckoutSession session = new CheckoutSession(id, now(), mode, "open", this.baseUrl.get() + "/pay/" + id,
				customer, params.string("customer_email"), params.string("client_reference_id"), currency,
				methodTypes.isEmpty() ? List.of("card") : List.copyOf(methodTypes), List.copyOf(lines), successUrl,
				cancelUrl, params.metadata("metadata"), setupData.metadata("metadata"),
				paymentData.metadata("metadata"), paymentData.string("description"),
				paymentData.oneOf("setup_future_usage", null, "off_session", "on_session"), null, null);
		this.sessions.insert(id, session);
		return checkoutSessionJson(session, expansions(params, "customer", "setup_intent", "payment_intent"));
	}

	private static List<LineItem> lineItems(FormParams params) {
		List<FormParams> items = params.hashes("line_items");
		if (items.isEmpty()) {
			throw ApiError.missing("line_items");
		}
		List<LineItem> lines = new ArrayList<>();
		for (FormParams item : items) {
			// A price id ("price") would need the Prices API, which is not modelled.
			item.allowOnly("price_data", "quantity");
			FormParams price = item.hash("price_data").allowOnly("currency", "unit_amount", "product_data");
			String currency = currency(price.requireString("currency"), "currency");
			long unitAmount = price.requireInteger("unit_amount");
			String name = price.hash("product_data").allowOnly("name", "description").requireString("name");
			long quantity = item.requireInteger("quantity");
			if (unitAmount < 0 || quantity < 1) {
				throw ApiError.invalid("line_items",
						"Line items need a unit_amount of 0 or more and a quantity of 1 or more.");
			}
			lines.add(new LineItem(name, unitAmount, currency, quantity));
		}
		if (lines.stream().map(LineItem::currency).distinct().count() > 1) {
			throw ApiError.invalid("line_items", "All line items must have the same currency.");
		}
		return lines;
	}

	synchronized Map<String, Object> retrieveCheckoutSession(String id, FormParams params) {
		params.allowOnly();
		CheckoutSession session = existing(this.sessions, id, "checkout.session");
		return checkoutSessionJson(session, expansions(params, "customer", "setup_intent", "payment_intent"));
	}

	private Map<String, Object> checkoutSessionJson(CheckoutSession session, Set<String> expand) {
		Map<String, Object> json = StripeJson.checkoutSession(session);
		if (expand.contains("customer") && session.customer() != null) {
			json.put("customer", StripeJson.customer(this.customers.get(session.customer())));
		}
		if (expand.contains("setup_intent") && session.setupIntent() != null) {
			json.put("setup_intent", StripeJson.setupIntent(this.setupIntents.get(session.setupIntent())));
		}
		if (expand.contains("payment_intent") && session.paymentIntent() != null) {
			json.put("payment_intent", StripeJson.paymentIntent(this.paymentIntents.get(session.paymentIntent())));
		}
		return json;
	}

	/**
	 * The customer finishes Checkout with the test card: in setup mode the card is saved
	 * (a new PaymentMethod of the customer, a succeeded SetupIntent); in payment mode it
	 * is charged (a succeeded PaymentIntent with the session's
	 * {@code payment_intent_data}).
	 */
	synchronized CheckoutSession completeCheckout(String sessionId, String testCard) {
		CheckoutSession session = this.sessions.get(sessionId);
		if (session == null) {
			throw new IllegalArgumentException("No such Checkout Session: " + sessionId);
		}
		if (!session.status().equals("open")) {
			throw new IllegalStateException("Checkout Session " + sessionId + " is " + session.status());
		}
		TestCard card = TestCard.byToken(testCard);
		if (card == null) {
			throw new IllegalArgumentException(
					testCard + " is not a test card this server knows: " + TestCard.tokens());
		}
		long now = now();
		CheckoutSession completed;
		if (session.mode().equals("setup")) {
			if (card.declinedOnSetup) {
				throw new IllegalArgumentException("Checkout cannot save " + testCard
						+ ": Stripe declines it already when saving (the customer stays on the page). "
						+ "Use pm_card_chargeCustomerFail for a card that is saved and declined when charged.");
			}
			PaymentMethod method = new PaymentMethod(newId("pm_"), now, session.customer(), card.token, card.brand,
					card.last4);
			this.paymentMethods.insert(method.id(), method);
			SetupIntent intent = new SetupIntent(newId("seti_"), now, session.customer(), method.id(), "succeeded",
					null, session.setupIntentMetadata());
			this.setupIntents.insert(intent.id(), intent);
			completed = session.completed(intent.id(), null);
		}
		else {
			if (card.declineCode != null) {
				throw new IllegalArgumentException("Checkout cannot complete with " + testCard
						+ ": the payment is declined and the customer stays on the page.");
			}
			// The customer is present, so a card that asks for 3D Secure passes it.
			String owner = (session.setupFutureUsage() != null) ? session.customer() : null;
			PaymentMethod method = new PaymentMethod(newId("pm_"), now, owner, card.token, card.brand, card.last4);
			this.paymentMethods.insert(method.id(), method);
			PaymentIntent intent = new PaymentIntent(newId("pi_"), now, session.amountTotal(), session.currency(),
					session.customer(), method.id(), "succeeded", session.paymentIntentDescription(), null,
					session.paymentIntentMetadata(), newId("ch_"), null, null);
			this.paymentIntents.insert(intent.id(), intent);
			this.paymentIntentCreations.incrementAndGet();
			completed = session.completed(null, intent.id());
		}
		this.sessions.replace(sessionId, completed);
		return completed;
	}

	// SetupIntents and PaymentMethods

	synchronized Map<String, Object> retrieveSetupIntent(String id, FormParams params) {
		params.allowOnly();
		SetupIntent intent = existing(this.setupIntents, id, "setupintent");
		Map<String, Object> json = StripeJson.setupIntent(intent);
		Set<String> expand = expansions(params, "customer", "payment_method");
		if (expand.contains("customer") && intent.customer() != null) {
			json.put("customer", StripeJson.customer(this.customers.get(intent.customer())));
		}
		if (expand.contains("payment_method")) {
			json.put("payment_method", StripeJson.paymentMethod(this.paymentMethods.get(intent.paymentMethod())));
		}
		return json;
	}

	synchronized Map<String, Object> retrievePaymentMethod(String id, FormParams params) {
		params.allowOnly();
		expansions(params);
		return StripeJson.paymentMethod(existing(this.paymentMethods, id, "PaymentMethod"));
	}

	// PaymentIntents

	synchronized Map<String, Object> createPaymentIntent(FormParams params, String idempotencyKey) {
		params.allowOnly("amount", "currency", "customer", "payment_method", "payment_method_types", "off_session",
				"confirm", "description", "metadata", "receipt_email", "statement_descriptor_suffix");
		long amount = params.requireInteger("amount");
		String currency = currency(params.requireString("currency"), "currency");
		long minimum = currency.equals("gbp") ? 30 : 50;
		if (amount < minimum) {
			throw ApiError.invalidRequest(400, "amount_too_small", "amount",
					"Amount must be at least " + minimum + " in the smallest unit of " + currency);
		}
		String customer = params.string("customer");
		if (customer != null) {
			reference(this.customers, customer, "customer", "customer");
		}
		boolean confirm = params.bool("confirm", false);
		boolean offSession = params.bool("off_session", false);
		if (offSession && !confirm) {
			throw ApiError.invalid("off_session", "You may only specify `off_session` when `confirm` is true.");
		}
		String paymentMethod = params.string("payment_method");
		if (confirm && paymentMethod == null) {
			throw ApiError.invalidRequest(400, "parameter_missing", "payment_method",
					"You cannot confirm this PaymentIntent because it's missing a payment method. "
							+ "Specify a payment method attached to the customer along with the customer ID.");
		}
		TestCard card = (paymentMethod != null) ? usableCard(paymentMethod, customer) : null;
		String id = newId("pi_");
		String status;
		String charge = null;
		ApiError failure = null;
		if (!confirm) {
			status = (paymentMethod != null) ? "requires_confirmation" : "requires_payment_method";
		}
		else if (card.requiresAuthentication && !offSession) {
			status = "requires_action";
		}
		else if (card.requiresAuthentication) {
			// Off session nobody can authenticate: Stripe declines and asks for another
			// card.
			status = "requires_payment_method";
			charge = newId("ch_");
			failure = ApiError.card("authentication_required", "authentication_required",
					"Your card was declined. This transaction requires authentication.");
		}
		else if (card.declineCode != null) {
			status = "requires_payment_method";
			charge = newId("ch_");
			failure = ApiError.card("card_declined", card.declineCode, card.declineMessage());
		}
		else {
			status = "succeeded";
			charge = newId("ch_");
		}
		PaymentError lastError = (failure != null) ? new PaymentError((String) failure.error().get("code"),
				(String) failure.error().get("decline_code"), failure.getMessage(), charge) : null;
		PaymentIntent intent = new PaymentIntent(id, now(), amount, currency, customer, paymentMethod, status,
				params.string("description"), params.string("receipt_email"), params.metadata("metadata"), charge,
				lastError, idempotencyKey);
		this.paymentIntents.insert(id, intent);
		this.paymentIntentCreations.incrementAndGet();
		Map<String, Object> json = paymentIntentJson(intent, expansions(params, "customer", "payment_method"));
		if (failure != null) {
			throw failure.with("charge", charge)
				.with("payment_intent", json)
				.with("payment_method", StripeJson.paymentMethod(new PaymentMethod(paymentMethod, intent.created(),
						customer, card.token, card.brand, card.last4)));
		}
		return json;
	}

	/** The test card behind a payment method, if this customer may charge it. */
	private TestCard usableCard(String paymentMethodId, String customer) {
		TestCard token = TestCard.byToken(paymentMethodId);
		if (token != null) {
			return token;
		}
		PaymentMethod method = reference(this.paymentMethods, paymentMethodId, "PaymentMethod", "payment_method");
		if (method.customer() == null) {
			throw ApiError.invalid("payment_method", "The provided PaymentMethod was previously used with a "
					+ "PaymentIntent without Customer attachment. It may not be used again.");
		}
		if (customer == null) {
			throw ApiError.invalid("payment_method",
					"The provided PaymentMethod belongs to a Customer; pass that customer as well.");
		}
		if (!method.customer().equals(customer)) {
			throw ApiError.invalid("payment_method",
					"The provided PaymentMethod does not belong to the Customer '" + customer + "'.");
		}
		return TestCard.byToken(method.testCard());
	}

	synchronized Map<String, Object> retrievePaymentIntent(String id, FormParams params) {
		params.allowOnly();
		PaymentIntent intent = existing(this.paymentIntents, id, "payment_intent");
		return paymentIntentJson(intent, expansions(params, "customer", "payment_method"));
	}

	private Map<String, Object> paymentIntentJson(PaymentIntent intent, Set<String> expand) {
		Map<String, Object> json = StripeJson.paymentIntent(intent);
		if (expand.contains("customer") && intent.customer() != null) {
			json.put("customer", StripeJson.customer(this.customers.get(intent.customer())));
		}
		PaymentMethod method = (intent.paymentMethod() != null) ? this.paymentMethods.get(intent.paymentMethod())
				: null;
		if (expand.contains("payment_method") && method != null) {
			json.put("payment_method", StripeJson.paymentMethod(method));
		}
		return json;
	}

	// Invoice items and invoices

	synchronized Map<String, Object> createInvoiceItem(FormParams params) {
		params.allowOnly("customer", "amount", "currency", "description", "metadata");
		String customer = params.requireString("customer");
		reference(this.customers, customer, "customer", "customer");
		long amount = params.requireInteger("amount");
		String currency = currency(params.requireString("currency"), "currency");
		InvoiceItem item = new InvoiceItem(newId("ii_"), now(), customer, amount, currency,
				params.string("description"), params.metadata("metadata"), null);
		this.invoiceItems.insert(item.id(), item);
		return StripeJson.invoiceItem(item);
	}

	synchronized Map<String, Object> listInvoiceItems(FormParams params) {
		params.allowOnly("customer", "invoice", "pending", "limit", "starting_after");
		String customer = params.string("customer");
		String invoice = params.string("invoice");
		Boolean pending = params.has("pending") ? params.bool("pending", false) : null;
		Predicate<InvoiceItem> filter = (item) -> (customer == null || customer.equals(item.customer()))
				&& (invoice == null || invoice.equals(item.invoice()))
				&& (pending == null || pending == (item.invoice() == null));
		return page(this.invoiceItems.all().stream().filter(filter).toList(), InvoiceItem::id, StripeJson::invoiceItem,
				params, "/v1/invoiceitems");
	}

	synchronized Map<String, Object> createInvoice(FormParams params) {
		params.allowOnly("customer", "collection_method", "days_until_due", "auto_advance",
				"pending_invoice_items_behavior", "metadata", "description", "currency");
		Customer customer = reference(this.customers, params.requireString("customer"), "customer", "customer");
		String collection = params.oneOf("collection_method", "charge_automatically", "charge_automatically",
				"send_invoice");
		Long daysUntilDue = params.integer("days_until_due");
		if (collection.equals("send_invoice") && daysUntilDue == null) {
			throw ApiError.invalidRequest(400, "parameter_missing", "days_until_due",
					"Invoices with `collection_method=send_invoice` need `days_until_due` "
							+ "(`due_date` is not modelled by the Stripe test server).");
		}
		if (collection.equals("charge_automatically") && daysUntilDue != null) {
			throw ApiError.invalid("days_until_due",
					"You can only set `days_until_due` when `collection_method` is `send_invoice`.");
		}
		// Since API version 2022-08-01 Stripe leaves pending items out unless told.
		boolean include = params.oneOf("pending_invoice_items_behavior", "exclude", "exclude", "include")
			.equals("include");
		List<InvoiceItem> pending = this.invoiceItems.all()
			.stream()
			.filter((item) -> item.customer().equals(customer.id()) && item.invoice() == null)
			.toList();
		String currency = (params.string("currency") != null) ? currency(params.string("currency"), "currency")
				: (include && !pending.isEmpty()) ? pending.get(0).currency() : "usd";
		String id = newId("in_");
		List<InvoiceLine> lines = new ArrayList<>();
		for (InvoiceItem item : include ? pending : List.<InvoiceItem>of()) {
			if (item.currency().equals(currency)) {
				lines.add(new InvoiceLine(newId("il_"), item.id(), item.amount(), item.currency(), item.description(),
						item.metadata()));
				this.invoiceItems.replace(item.id(), item.on(id));
			}
		}
		long now = now();
		Invoice invoice = new Invoice(id, now, customer.id(), "draft", collection,
				(daysUntilDue != null) ? now + daysUntilDue * 24 * 3600 : null, params.bool("auto_advance", false),
				currency, params.string("description"), params.metadata("metadata"), List.copyOf(lines), null, null,
				null, null);
		this.invoices.insert(id, invoice);
		return StripeJson.invoice(invoice, customer);
	}

	synchronized Map<String, Object> finalizeInvoice(String id, FormParams params) {
		params.allowOnly("auto_advance");
		Invoice invoice = existing(this.invoices, id, "invoice");
		if (!invoice.status().equals("draft")) {
			throw ApiError.invalid(null,
					"This invoice is already finalized, you can't re-finalize a non-draft invoice.");
		}
		String number = String.format("CONS-%04d", this.invoiceNumbers.incrementAndGet());
		Invoice finalized = invoice.finalized(number, this.baseUrl.get() + "/i/" + id, now());
		this.invoices.replace(id, finalized);
		return StripeJson.invoice(finalized, this.customers.get(finalized.customer()));
	}

	/** The customer pays an open invoice on its hosted page. */
	synchronized Invoice payInvoice(String id) {
		Invoice invoice = this.invoices.get(id);
		if (invoice == null || !invoice.status().equals("open")) {
			throw new IllegalStateException("Invoice " + id + " is not open: " + invoice);
		}
		Invoice paid = invoice.paid(now());
		this.invoices.replace(id, paid);
		return paid;
	}

	synchronized Map<String, Object> retrieveInvoice(String id, FormParams params) {
		params.allowOnly();
		expansions(params);
		Invoice invoice = existing(this.invoices, id, "invoice");
		return StripeJson.invoice(invoice, this.customers.get(invoice.customer()));
	}

	/** An invoice's lines in invoice order, {@code limit} (default 10) and a cursor. */
	synchronized Map<String, Object> listInvoiceLines(String id, FormParams params) {
		params.allowOnly("limit", "starting_after");
		Invoice invoice = existing(this.invoices, id, "invoice");
		long limit = (params.integer("limit") != null) ? params.integer("limit") : 10;
		if (limit < 1 || limit > 100) {
			throw ApiError.invalid("limit",
					"This value must be greater than or equal to 1 and less than or equal to 100.");
		}
		List<InvoiceLine> lines = invoice.lines();
		int start = 0;
		String after = params.string("starting_after");
		if (after != null) {
			start = lines.stream().map(InvoiceLine::id).toList().indexOf(after) + 1;
			if (start == 0) {
				throw ApiError.invalid("starting_after", "No such object in this list: '" + after + "'");
			}
		}
		int end = (int) Math.min(lines.size(), start + limit);
		return StripeJson.list("/v1/invoices/" + id + "/lines",
				lines.subList(start, end).stream().map((line) -> StripeJson.invoiceLine(line, invoice)).toList(),
				end < lines.size());
	}

	synchronized Map<String, Object> listInvoices(FormParams params) {
		params.allowOnly("customer", "status", "collection_method", "limit", "starting_after");
		String customer = params.string("customer");
		String status = params.string("status");
		String collection = params.string("collection_method");
		List<Invoice> matching = this.invoices.all()
			.stream()
			.filter((invoice) -> (customer == null || customer.equals(invoice.customer()))
					&& (status == null || status.equals(invoice.status()))
					&& (collection == null || collection.equals(invoice.collectionMethod())))
			.toList();
		return page(matching, Invoice::id,
				(invoice) -> StripeJson.invoice(invoice, this.customers.get(invoice.customer())), params,
				"/v1/invoices");
	}

	// Refunds

	synchronized Map<String, Object> createRefund(FormParams params) {
		params.allowOnly("payment_intent", "charge", "amount", "reason", "metadata");
		String intentId = params.string("payment_intent");
		String charge = params.string("charge");
		if (intentId == null && charge == null) {
			throw ApiError.invalidRequest(400, "parameter_missing", "payment_intent",
					"One of the following params should be provided for this request: payment_intent or charge.");
		}
		PaymentIntent intent = (intentId != null)
				? reference(this.paymentIntents, intentId, "payment_intent", "payment_intent")
				: this.paymentIntents.all()
					.stream()
					.filter((candidate) -> charge.equals(candidate.latestCharge()))
					.findFirst()
					.orElseThrow(() -> ApiError.noSuchReference("charge", charge, "charge"));
		if (charge != null && !charge.equals(intent.latestCharge())) {
			throw ApiError.invalid("charge", "The charge " + charge + " is not the PaymentIntent's charge.");
		}
		if (!intent.status().equals("succeeded")) {
			throw ApiError.invalid("payment_intent",
					"This PaymentIntent (" + intent.id() + ") does not have a successful charge to refund.");
		}
		long remaining = intent.amount() - refunded(intent.id());
		if (remaining == 0) {
			throw ApiError.invalidRequest(400, "charge_already_refunded", null,
					"Charge " + intent.latestCharge() + " has already been refunded.");
		}
		Long amount = params.integer("amount");
		if (amount != null && amount < 1) {
			throw ApiError.invalid("amount", "Invalid positive integer");
		}
		if (amount != null && amount > remaining) {
			throw ApiError.invalidRequest(400, "amount_too_large", "amount",
					"Refund amount (" + amount + " " + intent.currency()
							+ ") is greater than unrefunded amount on charge (" + remaining + " " + intent.currency()
							+ ")");
		}
		Refund refund = new Refund(newId("re_"), now(), intent.id(), intent.latestCharge(),
				(amount != null) ? amount : remaining, intent.currency(),
				params.oneOf("reason", null, "duplicate", "fraudulent", "requested_by_customer"), "succeeded",
				params.metadata("metadata"));
		this.refunds.insert(refund.id(), refund);
		return StripeJson.refund(refund);
	}

	private long refunded(String paymentIntentId) {
		return refunds(paymentIntentId).stream().mapToLong(Refund::amount).sum();
	}

	synchronized Map<String, Object> retrieveRefund(String id, FormParams params) {
		params.allowOnly();
		expansions(params);
		return StripeJson.refund(existing(this.refunds, id, "refund"));
	}

	synchronized Map<String, Object> listRefunds(FormParams params) {
		params.allowOnly("payment_intent", "charge", "limit", "starting_after");
		String intent = params.string("payment_intent");
		String charge = params.string("charge");
		List<Refund> matching = this.refunds.all()
			.stream()
			.filter((refund) -> (intent == null || intent.equals(refund.paymentIntent()))
					&& (charge == null || charge.equals(refund.charge())))
			.toList();
		return page(matching, Refund::id, StripeJson::refund, params, "/v1/refunds");
	}

	// What tests read

	List<Customer> customers() {
		return this.customers.all();
	}

	List<PaymentIntent> paymentIntents() {
		return this.paymentIntents.all();
	}

	PaymentIntent paymentIntent(String id) {
		return this.paymentIntents.get(id);
	}

	CheckoutSession checkoutSession(String id) {
		return this.sessions.get(id);
	}

	SetupIntent setupIntent(String id) {
		return this.setupIntents.get(id);
	}

	PaymentMethod paymentMethod(String id) {
		return this.paymentMethods.get(id);
	}

	Invoice invoice(String id) {
		return this.invoices.get(id);
	}

	Customer customer(String id) {
		return this.customers.get(id);
	}

	int paymentIntentCreations() {
		return this.paymentIntentCreations.get();
	}

	List<InvoiceItem> invoiceItems(String customerId) {
		return this.invoiceItems.all().stream().filter((item) -> item.customer().equals(customerId)).toList();
	}

	List<Invoice> invoices(String customerId) {
		return this.invoices.all().stream().filter((invoice) -> invoice.customer().equals(customerId)).toList();
	}

	List<Refund> refunds(String paymentIntentId) {
		return this.refunds.all().stream().filter((refund) -> refund.paymentIntent().equals(paymentIntentId)).toList();
	}

	// Helpers

	private static <T> T existing(Table<T> table, String id, String objectName) {
		T value = table.get(id);
		if (value == null) {
			throw ApiError.noSuchObject(objectName, id);
		}
		return value;
	}

	private static <T> T reference(Table<T> table, String id, String objectName, String param) {
		T value = table.get(id);
		if (value == null) {
			throw ApiError.noSuchReference(objectName, id, param);
		}
		return value;
	}

	private static Set<String> expansions(FormParams params, String... expandable) {
		Set<String> requested = new LinkedHashSet<>(params.expand());
		for (String field : requested) {
			if (!List.of(expandable).contains(field)) {
				throw ApiError.invalid("expand", "This property cannot be expanded (" + field + ").");
			}
		}
		return requested;
	}

	private static String currency(String value, String param) {
		String currency = value.toLowerCase(Locale.ROOT);
		if (!currency.matches("[a-z]{3}")) {
			throw ApiError.invalid(param, "Invalid currency: " + value);
		}
		return currency;
	}

	private static String url(FormParams params, String key) {
		String url = params.string(key);
		if (url != null && !url.matches("https?://.+")) {
			throw ApiError.invalidRequest(400, "url_invalid", key, "Not a valid URL");
		}
		return url;
	}

	/** Stripe's list object: newest first, {@code limit} (default 10) and a cursor. */
	private static <T> Map<String, Object> page(List<T> oldestFirst, Function<T, String> id,
			Function<T, Map<String, Object>> json, FormParams params, String url) {
		long limit = (params.integer("limit") != null) ? params.integer("limit") : 10;
		if (limit < 1 || limit > 100) {
			throw ApiError.invalid("limit",
					"This value must be greater than or equal to 1 and less than or equal to 100.");
		}
		List<T> newestFirst = new ArrayList<>(oldestFirst);
		java.util.Collections.reverse(newestFirst);
		int start = 0;
		String after = params.string("starting_after");
		if (after != null) {
			start = newestFirst.stream().map(id).toList().indexOf(after) + 1;
			if (start == 0) {
				throw ApiError.invalid("starting_after", "No such object in this list: '" + after + "'");
			}
		}
		int end = (int) Math.min(newestFirst.size(), start + limit);
		return StripeJson.list(url, newestFirst.subList(start, end).stream().map(json).toList(),
				end < newestFirst.size());
	}

	/** Rows in the order they were created; a replaced row keeps its place. */
	private static final class Table<T> {

		private static final AtomicLong SEQUENCE = new AtomicLong();

		private record Row<T>(long sequence, T value) {
		}

		private final ConcurrentHashMap<String, Row<T>> rows = new ConcurrentHashMap<>();

		void insert(String id, T value) {
			this.rows.put(id, new Row<>(SEQUENCE.incrementAndGet(), value));
		}

		void replace(String id, T value) {
			this.rows.computeIfPresent(id, (key, row) -> new Row<>(row.sequence(), value));
		}

		T get(String id) {
			Row<T> row = (id != null) ? this.rows.get(id) : null;
			return (row != null) ? row.value() : null;
		}

		List<T> all() {
			return this.rows.values().stream().sorted(Comparator.comparingLong(Row::sequence)).map(Row::value).toList();
		}

		void clear() {
			this.rows.clear();
		}

	}

}

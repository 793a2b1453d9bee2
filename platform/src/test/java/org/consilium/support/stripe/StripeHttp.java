package org.consilium.support.stripe;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.springframework.web.util.HtmlUtils;

import org.consilium.support.stripe.StripeObjects.CheckoutSession;
import org.consilium.support.stripe.StripeObjects.Invoice;

/**
 * The HTTP side of the Stripe test server, as a WireMock transformer behind one catch-all
 * stub: it checks the API key, keeps Stripe's idempotency promise, routes {@code /v1/...}
 * to the {@link StripeBackend} and writes its answer or Stripe's error body. It also
 * serves the two pages a browser lands on (Checkout and a hosted invoice).
 */
final class StripeHttp implements ResponseDefinitionTransformerV2 {

	static final String NAME = "stripe";

	private static final Pattern CHECKOUT_PAGE = Pattern.compile("/pay/([^/]+)");

	private static final Pattern INVOICE_PAGE = Pattern.compile("/i/([^/]+)");

	private final StripeBackend backend;

	private final String apiKey;

	private final List<Route> routes;

	private final Map<String, Idempotent> idempotencyKeys = new ConcurrentHashMap<>();

	private final Queue<String> requests = new ConcurrentLinkedQueue<>();

	private volatile Duration delay = Duration.ZERO;

	private final AtomicInteger responsesToLose = new AtomicInteger();

	StripeHttp(StripeBackend backend, String apiKey) {
		this.backend = backend;
		this.apiKey = apiKey;
		this.routes = List.of(route("POST", "/v1/customers", (m, p, key) -> backend.createCustomer(p)),
				route("GET", "/v1/customers/([^/]+)", (m, p, key) -> backend.retrieveCustomer(m.group(1), p)),
				route("POST", "/v1/checkout/sessions", (m, p, key) -> backend.createCheckoutSession(p)),
				route("GET", "/v1/checkout/sessions/([^/]+)",
						(m, p, key) -> backend.retrieveCheckoutSession(m.group(1), p)),
				route("GET", "/v1/setup_intents/([^/]+)", (m, p, key) -> backend.retrieveSetupIntent(m.group(1), p)),
				route("GET", "/v1/payment_methods/([^/]+)",
						(m, p, key) -> backend.retrievePaymentMethod(m.group(1), p)),
				route("POST", "/v1/payment_intents", (m, p, key) -> backend.createPaymentIntent(p, key)),
				route("GET", "/v1/payment_intents/([^/]+)",
						(m, p, key) -> backend.retrievePaymentIntent(m.group(1), p)),
				route("POST", "/v1/invoiceitems", (m, p, key) -> backend.createInvoiceItem(p)),
				route("GET", "/v1/invoiceitems", (m, p, key) -> backend.listInvoiceItems(p)),
				route("POST", "/v1/invoices", (m, p, key) -> backend.createInvoice(p)),
				route("GET", "/v1/invoices", (m, p, key) -> backend.listInvoices(p)),
				route("GET", "/v1/invoices/([^/]+)", (m, p, key) -> backend.retrieveInvoice(m.group(1), p)),
				route("GET", "/v1/invoices/([^/]+)/lines", (m, p, key) -> backend.listInvoiceLines(m.group(1), p)),
				route("POST", "/v1/invoices/([^/]+)/finalize", (m, p, key) -> backend.finalizeInvoice(m.group(1), p)),
				route("POST", "/v1/refunds", (m, p, key) -> backend.createRefund(p)),
				route("GET", "/v1/refunds", (m, p, key) -> backend.listRefunds(p)),
				route("GET", "/v1/refunds/([^/]+)", (m, p, key) -> backend.retrieveRefund(m.group(1), p)));
	}

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public boolean applyGlobally() {
		return false;
	}

	@Override
	public ResponseDefinition transform(ServeEvent serveEvent) {
		Request request = serveEvent.getRequest();
		String method = request.getMethod().getName();
		String url = request.getUrl();
		int question = url.indexOf('?');
		String path = (question < 0) ? url : url.substring(0, question);
		String query = (question < 0) ? "" : url.substring(question + 1);
		this.requests.add(method + " " + path);
		if (method.equals("GET") && !path.startsWith("/v1/")) {
			return page(path);
		}
		Reply reply = api(request, method, path, query);
		if (this.responsesToLose.getAndUpdate((n) -> Math.max(0, n - 1)) > 0) {
			return ResponseDefinitionBuilder.responseDefinition().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
		}
		return reply.toResponse(request.getHeader("Idempotency-Key"));
	}

	private Reply api(Request request, String method, String path, String query) {
		String authorization = request.getHeader("Authorization");
		if (authorization == null || !authorization.startsWith("Bearer ")) {
			return Reply.error(ApiError.authentication("You did not provide an API key. You need to provide your API "
					+ "key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY')."));
		}
		String key = authorization.substring("Bearer ".length()).trim();
		if (!key.equals(this.apiKey)) {
			String shown = (key.length() > 4)
					? key.substring(0, Math.min(8, key.length())) + "*********" + key.substring(key.length() - 4) : key;
			return Reply.error(ApiError.authentication("Invalid API Key provided: " + shown));
		}
		String body = method.equals("POST") ? new String(request.getBody(), StandardCharsets.UTF_8) : query;
		// Stripe ignores idempotency keys on GET and DELETE, which are idempotent anyway.
		String idempotencyKey = method.equals("POST") ? request.getHeader("Idempotency-Key") : null;
		if (idempotencyKey == null) {
			return execute(method, path, body, null);
		}
		String fingerprint = fingerprint(method, path, body);
		Idempotent previous = this.idempotencyKeys.putIfAbsent(idempotencyKey, new Idempotent(fingerprint, null));
		if (previous != null && !previous.fingerprint().equals(fingerprint)) {
			return Reply.error(ApiError.invalidRequest(400, null, null,
					"Keys for idempotent requests can only be used with the same parameters they were first used with. "
							+ "Try using a key other than '" + idempotencyKey
							+ "' if you meant to execute a different request.")
				.with("type", "idempotency_error"));
		}
		if (previous != null && previous.reply() == null) {
			return Reply.error(ApiError.invalidRequest(409, "idempotency_key_in_use", null,
					"There is currently another in-progress request using this Idempotent Key (that probably means "
							+ "you submitted twice, and the other request is still going through): " + idempotencyKey
							+ ". Please try again later."));
		}
		if (previous != null) {
			return previous.reply().replayed();
		}
		Reply reply = null;
		try {
			reply = execute(method, path, body, idempotencyKey);
			return reply;
		}
		finally {
			// Stripe saves the result once the endpoint ran; a request that failed its
			// parameter checks (400) ran nothing and may be retried with the same key.
			if (reply != null && reply.status() != 400) {
				this.idempotencyKeys.put(idempotencyKey, new Idempotent(fingerprint, reply));
			}
			else {
				this.idempotencyKeys.remove(idempotencyKey);
			}
		}
	}

	private Reply execute(String method, String path, String body, String idempotencyKey) {
		sleep(this.delay);
		try {
			FormParams params = FormParams.parse(body);
			for (Route route : this.routes) {
				Matcher matcher = route.path().matcher(path);
				if (route.method().equals(method) && matcher.matches()) {
					return Reply.ok(route.handler().handle(matcher, params, idempotencyKey));
				}
			}
			return Reply.error(ApiError.invalidRequest(404, null, null, "Unrecognized request URL (" + method + ": "
					+ path + "). The Stripe test server does not model this endpoint."));
		}
		catch (ApiError error) {
			return Reply.error(error);
		}
	}

	/** The request as Stripe compares it: same endpoint, same parameters in any order. */
	private static String fingerprint(String method, String path, String body) {
		return method + " " + path + "?"
				+ FormParams.pairs(body)
					.stream()
					.sorted(Map.Entry.<String, String>comparingByKey().thenComparing(Map.Entry.comparingByValue()))
					.map((pair) -> pair.getKey() + "=" + pair.getValue())
					.reduce("", (all, pair) -> all + "&" + pair);
	}

	private ResponseDefinition page(String path) {
		Matcher checkout = CHECKOUT_PAGE.matcher(path);
		if (checkout.matches()) {
			CheckoutSession session = this.backend.checkoutSession(checkout.group(1));
			if (session != null) {
				return html(200, "Stripe test checkout " + session.id(),
						"<p>Mode: " + session.mode() + ", status: " + session.status() + "</p>"
								+ link("success", session.successRedirect(), "Continue")
								+ link("cancel", session.cancelUrl(), "Back"));
			}
		}
		Matcher invoicePage = INVOICE_PAGE.matcher(path);
		if (invoicePage.matches()) {
			Invoice invoice = this.backend.invoice(invoicePage.group(1));
			if (invoice != null && invoice.number() != null) {
				return html(200, "Stripe test invoice " + invoice.number(), "<p>Total: " + invoice.total() + " "
						+ invoice.currency() + ", status: " + invoice.status() + "</p>");
			}
		}
		return html(404, "Not found", "<p>Nothing at " + HtmlUtils.htmlEscape(path) + "</p>");
	}

	private static String link(String id, String href, String text) {
		return (href != null)
				? "<p><a id=\"" + id + "\" href=\"" + HtmlUtils.htmlEscape(href) + "\">" + text + "</a></p>" : "";
	}

	private static ResponseDefinition html(int status, String title, String body) {
		String html = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + HtmlUtils.htmlEscape(title)
				+ "</title></head><body><h1>" + HtmlUtils.htmlEscape(title) + "</h1>" + body + "</body></html>";
		return ResponseDefinitionBuilder.responseDefinition()
			.withStatus(status)
			.withHeader("Content-Type", "text/html; charset=utf-8")
			.withBody(html)
			.build();
	}

	private static void sleep(Duration duration) {
		if (duration.isZero()) {
			return;
		}
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	void delay(Duration delay) {
		this.delay = delay;
	}

	void loseResponses(int count) {
		this.responsesToLose.set(count);
	}

	int requestCount(String method, String pathPrefix) {
		return (int) this.requests.stream()
			.filter((request) -> method == null || request.startsWith(method.toUpperCase() + " "))
			.filter((request) -> request.substring(request.indexOf(' ') + 1).startsWith(pathPrefix))
			.count();
	}

	void clear() {
		this.idempotencyKeys.clear();
		this.requests.clear();
		this.delay = Duration.ZERO;
		this.responsesToLose.set(0);
	}

	private static Route route(String method, String path, Handler handler) {
		return new Route(method, Pattern.compile(path), handler);
	}

	private record Route(String method, Pattern path, Handler handler) {
	}

	@FunctionalInterface
	private interface Handler {

		Map<String, Object> handle(Matcher path, FormParams params, String idempotencyKey);

	}

	/** A key's request (its parameters) and, once it ran, its response. */
	private record Idempotent(String fingerprint, Reply reply) {
	}

	/** An API answer; {@code originalRequestId} is set on a replay. */
	private record Reply(int status, String body, String requestId, String originalRequestId) {

		static Reply ok(Map<String, Object> json) {
			return new Reply(200, StripeJson.write(json), StripeBackend.newId("req_"), null);
		}

		static Reply error(ApiError error) {
			return new Reply(error.status(), StripeJson.write(error.body()), StripeBackend.newId("req_"), null);
		}

		Reply replayed() {
			return new Reply(this.status, this.body, StripeBackend.newId("req_"), this.requestId);
		}

		ResponseDefinition toResponse(String idempotencyKey) {
			ResponseDefinitionBuilder response = ResponseDefinitionBuilder.responseDefinition()
				.withStatus(this.status)
				.withHeader("Content-Type", "application/json")
				.withHeader("Request-Id", this.requestId)
				.withHeader("Stripe-Version", com.stripe.Stripe.API_VERSION)
				.withBody(this.body);
			if (idempotencyKey != null) {
				response.withHeader("Idempotency-Key", idempotencyKey);
			}
			if (this.originalRequestId != null) {
				response.withHeader("Idempotent-Replayed", "true")
					.withHeader("Original-Request", this.originalRequestId);
			}
			return response.build();
		}

	}

}

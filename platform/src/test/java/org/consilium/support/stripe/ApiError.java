package org.consilium.support.stripe;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error answer of the Stripe API: the HTTP status and the {@code error} object, in the
 * shape the SDK turns into its typed exceptions (400/404 {@code InvalidRequestException}
 * or {@code IdempotencyException}, 401 {@code AuthenticationException}, 402
 * {@code CardException}).
 */
final class ApiError extends RuntimeException {

	private final int status;

	private final Map<String, Object> error;

	private ApiError(int status, String type, String code, String param, String message) {
		super(message);
		this.status = status;
		this.error = new LinkedHashMap<>();
		this.error.put("type", type);
		if (code != null) {
			this.error.put("code", code);
			this.error.put("doc_url", "https://docs.stripe.com/error-codes/" + code.replace('_', '-'));
		}
		if (param != null) {
			this.error.put("param", param);
		}
		this.error.put("message", message);
	}

	static ApiError invalidRequest(int status, String code, String param, String message) {
		return new ApiError(status, "invalid_request_error", code, param, message);
	}

	static ApiError invalid(String param, String message) {
		return invalidRequest(400, null, param, message);
	}

	static ApiError missing(String param) {
		return invalidRequest(400, "parameter_missing", param, "Missing required param: " + param + ".");
	}

	static ApiError unknownParameter(String param) {
		return invalidRequest(400, "parameter_unknown", param, "Received unknown parameter: " + param
				+ " (if Stripe knows it, the Stripe test server does not model it yet)");
	}

	/** An id in the URL that names nothing: 404, as Stripe answers. */
	static ApiError noSuchObject(String objectName, String id) {
		return invalidRequest(404, "resource_missing", "id", "No such " + objectName + ": '" + id + "'");
	}

	/** An id in the parameters that names nothing: 400, as Stripe answers. */
	static ApiError noSuchReference(String objectName, String id, String param) {
		return invalidRequest(400, "resource_missing", param, "No such " + objectName + ": '" + id + "'");
	}

	static ApiError card(String code, String declineCode, String message) {
		ApiError error = new ApiError(402, "card_error", code, null, message);
		error.error.put("decline_code", declineCode);
		return error;
	}

	static ApiError authentication(String message) {
		return new ApiError(401, "invalid_request_error", null, null, message);
	}

	ApiError with(String field, Object value) {
		this.error.put(field, value);
		return this;
	}

	int status() {
		return this.status;
	}

	/** The error object without the nested objects, as a PaymentIntent's last error. */
	Map<String, Object> error() {
		Map<String, Object> copy = new LinkedHashMap<>(this.error);
		copy.remove("payment_intent");
		return copy;
	}

	Map<String, Object> body() {
		return Map.of("error", this.error);
	}

}

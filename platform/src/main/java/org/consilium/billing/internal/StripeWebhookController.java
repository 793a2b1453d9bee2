package org.consilium.billing.internal;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stripe's webhook endpoint. The {@code Stripe-Signature} header is checked over the raw
 * request body (the bytes as sent, never re-serialised) with the endpoint's signing
 * secret and a 300 s tolerance; anything else is refused with 400 and changes nothing. A
 * handling failure answers 500 so that Stripe delivers the event again.
 */
@RestController
class StripeWebhookController {

	static final String PATH = "/billing/stripe/webhook";

	private static final Logger log = LoggerFactory.getLogger(StripeWebhookController.class);

	private final StripeGateway gateway;

	private final StripeEvents events;

	StripeWebhookController(StripeGateway gateway, StripeEvents events) {
		this.gateway = gateway;
		this.events = events;
	}

	@PostMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Object> receive(@RequestBody(required = false) byte[] body,
			@RequestHeader(name = "Stripe-Signature", required = false) String signature) {
		String payload = (body != null) ? new String(body, StandardCharsets.UTF_8) : "";
		Event event;
		try {
			if (signature == null || signature.isBlank()) {
				throw new SignatureVerificationException("No Stripe-Signature header", signature);
			}
			event = this.gateway.verifiedEvent(payload, signature);
		}
		catch (SignatureVerificationException | RuntimeException ex) {
			// RuntimeException: a body that is not an event (JSON syntax) under a valid
			// signature.
			log.warn("Stripe webhook refused: {}", ex.getMessage());
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
					"The Stripe-Signature header does not match this body, or it is older than the tolerance.");
			problem.setTitle("Webhook signature refused");
			return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
		}
		try {
			boolean handled = this.events.handle(event);
			return ResponseEntity.ok(Map.of("received", true, "duplicate", !handled));
		}
		catch (RuntimeException ex) {
			log.error("Stripe event {} ({}) failed and will be delivered again", event.getId(), event.getType(), ex);
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
					"The event could not be handled now; Stripe will deliver it again.");
			return ResponseEntity.internalServerError().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
		}
	}

}

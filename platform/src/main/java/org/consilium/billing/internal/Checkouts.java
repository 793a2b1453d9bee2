package org.consilium.billing.internal;

import java.util.Map;

import com.stripe.model.PaymentIntent;
import com.stripe.model.SetupIntent;
import com.stripe.model.checkout.Session;
import org.consilium.audit.AuditEntry;
import org.consilium.audit.AuditLog;
import org.consilium.cases.CaseId;
import org.consilium.tenant.TenantContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Applies what Stripe reports about a Checkout session or a PaymentIntent, in the current
 * tenant's transaction. The state is always re-read from Stripe (never taken from a
 * webhook's body), and every step only moves forward, so duplicate and reordered
 * notifications converge on the same result.
 */
@Component
class Checkouts {

	private static final Logger log = LoggerFactory.getLogger(Checkouts.class);

	private final StripeGateway gateway;

	private final StripeCustomers customers;

	private final ChargeStore charges;

	private final ChargeOutcomes outcomes;

	private final ChargeWorker worker;

	private final CaseFacts cases;

	private final AuditLog audit;

	private final java.time.Clock clock;

	Checkouts(StripeGateway gateway, StripeCustomers customers, ChargeStore charges, ChargeOutcomes outcomes,
			ChargeWorker worker, CaseFacts cases, AuditLog audit, java.time.Clock clock) {
		this.gateway = gateway;
		this.customers = customers;
		this.charges = charges;
		this.outcomes = outcomes;
		this.worker = worker;
		this.cases = cases;
		this.audit = audit;
		this.clock = clock;
	}

	/** A Checkout session of the current tenant finished (or the patient came back). */
	void sessionCompleted(String sessionId) {
		Session session = this.gateway.checkoutSession(sessionId);
		Map<String, String> metadata = session.getMetadata();
		if (!ours(metadata) || !"complete".equals(session.getStatus())) {
			return;
		}
		String user = metadata.get("user");
		CaseId caseId = new CaseId(java.util.UUID.fromString(metadata.get("case")));
		if ("setup".equals(session.getMode())) {
			SetupIntent setup = session.getSetupIntentObject();
			if (setup != null && "succeeded".equals(setup.getStatus())) {
				cardSaved(user, caseId, setup.getPaymentMethod());
			}
			return;
		}
		PaymentIntent intent = session.getPaymentIntentObject();
		if (intent != null) {
			if ("succeeded".equals(intent.getStatus()) && intent.getPaymentMethod() != null) {
				cardSaved(user, caseId, intent.getPaymentMethod());
			}
			apply(intent);
		}
	}

	/** A PaymentIntent of the current tenant changed: re-read it and apply it. */
	void paymentIntentChanged(String paymentIntentId) {
		apply(this.gateway.paymentIntent(paymentIntentId));
	}

	private void apply(PaymentIntent intent) {
		Map<String, String> metadata = intent.getMetadata();
		if (!ours(metadata) || metadata.get("kind") == null) {
			return;
		}
		CaseId caseId = new CaseId(java.util.UUID.fromString(metadata.get("case")));
		Charge.Kind kind = Charge.Kind.valueOf(metadata.get("kind"));
		Charge charge = this.charges.lock(caseId, kind).orElse(null);
		if (charge == null) {
			log.warn("PaymentIntent {} names a charge that is not here ({} {})", intent.getId(), caseId, kind);
			return;
		}
		if ("succeeded".equals(intent.getStatus())) {
			this.outcomes.succeeded(charge, intent.getId());
		}
		else if (("requires_payment_method".equals(intent.getStatus()) || "canceled".equals(intent.getStatus()))
				&& intent.getId().equals(charge.stripeId())) {
			this.cases.of(caseId)
				.ifPresent((facts) -> this.outcomes.actionNeeded(charge, facts, intent.getId(),
						(intent.getLastPaymentError() != null) ? intent.getLastPaymentError().getCode()
								: intent.getStatus(),
						(intent.getLastPaymentError() != null) ? intent.getLastPaymentError().getMessage()
								: "The payment was not completed"));
		}
	}

	/**
	 * Keeps the card; charges of the case that were waiting for a card are tried again
	 * with it (a new attempt, so a new idempotency key).
	 */
	private void cardSaved(String user, CaseId caseId, String paymentMethod) {
		if (user == null || paymentMethod == null) {
			return;
		}
		StripeCustomers.Customer customer = this.customers.patient(user).orElse(null);
		if (customer == null || paymentMethod.equals(customer.paymentMethodId())) {
			return;
		}
		this.customers.saveCard(user, paymentMethod);
		this.audit.record(AuditEntry.of("CARD_SAVED").subject("case", caseId).details(paymentMethod));
		java.util.List<Charge.Kind> retried = new java.util.ArrayList<>();
		for (Charge charge : this.charges.ofCase(caseId)) {
			if (charge.kind().patientCard() && charge.state() == Charge.State.ACTION_NEEDED
					&& charge.checkoutId() == null) {
				this.charges.retry(caseId, charge.kind(), this.clock.instant());
				retried.add(charge.kind());
			}
		}
		if (!retried.isEmpty()) {
			this.worker.workAfterCommit(TenantContext.current(), caseId, retried);
		}
	}

	private static boolean ours(Map<String, String> metadata) {
		return metadata != null && TenantContext.current().value().equals(metadata.get("tenant"))
				&& metadata.get("case") != null;
	}

}

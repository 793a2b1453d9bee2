package org.consilium.billing.internal;

import java.time.Clock;

import org.consilium.audit.AuditEntry;
import org.consilium.audit.AuditLog;

import org.springframework.stereotype.Component;

/**
 * What follows from a charge's outcome, however it became known (the worker's own call,
 * the patient's return from Checkout, or a webhook): written once, audited, and the bill
 * settled when nothing is left open.
 */
@Component
class ChargeOutcomes {

	private final ChargeStore charges;

	private final BillingItems items;

	private final PaymentNotices notices;

	private final AuditLog audit;

	private final Clock clock;

	ChargeOutcomes(ChargeStore charges, BillingItems items, PaymentNotices notices, AuditLog audit, Clock clock) {
		this.charges = charges;
		this.items = items;
		this.notices = notices;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * @return whether the charge moved to succeeded by this call
	 */
	boolean succeeded(Charge charge, String stripeId) {
		if (charge.state() == Charge.State.SUCCEEDED) {
			return false;
		}
		this.charges.succeeded(charge.caseId(), charge.kind(), stripeId, this.clock.instant());
		this.audit.record(AuditEntry.of("CHARGE_SUCCEEDED")
			.subject("case", charge.caseId())
			.details(charge.kind() + " " + charge.amount() + " " + stripeId
					+ ((charge.state() == Charge.State.CANCELLED) ? " (after the charge was cancelled)" : "")));
		if (!this.items.settleIfDone(charge.caseId(), "Stripe", "paid")) {
			this.items.awaiting(charge.caseId());
			if (this.charges.ofCase(charge.caseId())
				.stream()
				.anyMatch((c) -> c.state() == Charge.State.ACTION_NEEDED)) {
				this.items.actionNeeded(charge.caseId());
			}
		}
		return true;
	}

	/**
	 * @return whether the charge moved to "action needed" by this call
	 */
	boolean actionNeeded(Charge charge, CaseFacts.Facts facts, String stripeId, String code, String message) {
		if (charge.state() != Charge.State.PENDING) {
			return false;
		}
		this.charges.actionNeeded(charge.caseId(), charge.kind(), stripeId, code, message, this.clock.instant());
		this.items.actionNeeded(charge.caseId());
		this.audit.record(AuditEntry.of("PAYMENT_ACTION_NEEDED")
			.subject("case", charge.caseId())
			.details(charge.kind() + " " + charge.amount() + ": " + code));
		if (!(charge.kind() == Charge.Kind.PROCESSING_FEE && "no_saved_card".equals(code))) {
			// (A fee at submission without a card: the patient is on the payment page.)
			this.notices.actionNeeded(facts.patientId(), facts.reference());
		}
		return true;
	}

}

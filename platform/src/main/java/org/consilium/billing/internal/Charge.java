package org.consilium.billing.internal;

import java.time.Instant;
import java.util.UUID;

import org.consilium.cases.CaseId;
import org.consilium.tenantconfig.Money;

/**
 * One movement of money for a case.
 *
 * @param attempt which try this is: part of the idempotency key, so a retry of the same
 * try can never charge twice and a new try (the patient paying by link) is a new payment
 * @param stripeId the PaymentIntent, invoice item or refund at Stripe, once known
 * @param checkoutId the Checkout session a patient was sent to for this charge
 * @param invoiceId the employer invoice an employer item went on
 */
record Charge(CaseId caseId, Kind kind, State state, int attempt, Money amount, String stripeId, String checkoutId,
		UUID invoiceId, String failureCode, String failureMessage, Instant createdAt, Instant succeededAt) {

	/** The idempotency key of this try at Stripe. */
	String idempotencyKey(String tenant) {
		return "consilium:" + tenant + ":" + this.caseId.value() + ":" + this.kind + ":" + this.attempt;
	}

	boolean open() {
		return this.state == State.PENDING || this.state == State.ACTION_NEEDED;
	}

	enum Kind {

		/** Charged at submission, never refunded. */
		PROCESSING_FEE(true),
		/** The case's price, on the patient's card, at completion. */
		CASE_PRICE(true),
		/** The patient's copay, on their card, at completion. */
		COPAY(true),
		/** The employer's share, an item on the company's invoice. */
		EMPLOYER(false),
		/** Money given back to the patient's card. */
		REFUND(false);

		private final boolean patientCard;

		Kind(boolean patientCard) {
			this.patientCard = patientCard;
		}

		/** Whether the patient's card pays this. */
		boolean patientCard() {
			return this.patientCard;
		}

	}

	enum State {

		PENDING, ACTION_NEEDED, SUCCEEDED, CANCELLED

	}

}

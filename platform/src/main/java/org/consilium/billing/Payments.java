package org.consilium.billing;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.consilium.cases.CaseReference;
import org.consilium.tenantconfig.Money;

import org.springframework.security.access.prepost.PreAuthorize;

/**
 * A patient's payments for their own cases, on the programme's site: the card saved
 * through Stripe-hosted Checkout (no card data ever reaches Consilium), paying by link
 * when a charge needs them, and receipts.
 */
public interface Payments {

	/**
	 * The bill of one of the caller's cases, with what the patient pays and how it
	 * stands.
	 * @throws org.consilium.cases.CaseNotFoundException unless the caller is the case's
	 * patient
	 */
	@PreAuthorize("hasRole('PATIENT')")
	CaseBill bill(CaseReference reference);

	/**
	 * Starts Stripe Checkout for the case: to save the card for the payment on
	 * completion, or to pay a charge that needs the patient (which saves the card too).
	 * @param returnUrl where Stripe sends the browser back to;
	 * {@code {CHECKOUT_SESSION_ID}} in it is replaced by the session id
	 * @return the Checkout page to send the browser to
	 * @throws BillingProblem if there is nothing to pay or save, or payments are not
	 * configured
	 */
	@PreAuthorize("hasRole('PATIENT')")
	URI checkout(CaseReference reference, String returnUrl, String cancelUrl);

	/**
	 * The patient came back from Checkout: applies what Stripe reports about the session
	 * (the webhook does the same; whichever comes first wins, the other changes nothing).
	 */
	@PreAuthorize("hasRole('PATIENT')")
	CaseBill returned(CaseReference reference, String checkoutSessionId);

	/**
	 * How a case's bill stands for its patient.
	 *
	 * @param configured whether payments are configured at all
	 * @param cardSaved whether a card is saved for the payment on completion
	 * @param lines what the patient's card pays (or paid) for this case
	 * @param dueOnCompletion what the card is charged when the opinion is complete (the
	 * case's specialty price or the copay; re-read add-ons come on top where the
	 * programme has them); zero where the patient pays nothing
	 */
	record CaseBill(CaseReference reference, boolean configured, boolean patientPays, boolean cardSaved,
			BillState state, List<Line> lines, Money dueOnCompletion) {

		/** Whether the patient has something to do: save a card or pay a charge. */
		public boolean actionNeeded() {
			return this.lines.stream().anyMatch((line) -> line.state() == LineState.ACTION_NEEDED);
		}

		public Optional<Line> line(LineKind kind) {
			return this.lines.stream().filter((line) -> line.kind() == kind).findFirst();
		}

	}

	/**
	 * One charge on the patient's card.
	 *
	 * @param reference Stripe's reference of the payment, for the receipt
	 */
	record Line(LineKind kind, Money amount, LineState state, Instant paidAt, String reference, String failure) {
	}

	enum BillState {

		/** The opinion is not complete yet: nothing owed so far. */
		NOT_YET_DUE,
		/** Being charged. */
		AWAITING_PAYMENT,
		/** A charge needs the patient. */
		PAYMENT_ACTION_NEEDED,
		/** Nothing left to pay. */
		SETTLED,
		/** The case was cancelled. */
		CANCELLED

	}

	enum LineKind {

		PROCESSING_FEE, CASE_PRICE, COPAY, REFUND

	}

	enum LineState {

		PENDING, ACTION_NEEDED, PAID, CANCELLED

	}

}

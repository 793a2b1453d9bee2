package org.consilium.tenantconfig;

import java.util.Arrays;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who pays for a second opinion, how much, and when; and what a cancellation costs.
 *
 * @param patientCharge when the patient's card is charged; present when the patient pays
 * anything
 * @param employerInvoicing how the employer is invoiced; present when the employer pays
 * anything
 * @param prices price of a case per specialty, with a {@code default} entry
 * @param copay what the patient pays when payer is {@link Payer#COPAY_AND_EMPLOYER}
 * @param processingFee charged to the patient's card when the case is submitted and never
 * refunded; only when the patient pays, and less than the patient's share
 * @param rereadAddOns added to the case price when the case asks for that re-read; a kind
 * without an entry costs nothing extra
 * @param cancellation what is owed or refunded when a case is cancelled
 */
public record Billing(Payer payer, Optional<PatientCharge> patientCharge, Optional<EmployerInvoicing> employerInvoicing,
		Currency currency, Map<String, Money> prices, Optional<Money> copay, Optional<Money> processingFee,
		Map<Reread, Money> rereadAddOns, Cancellation cancellation) {

	public static final String DEFAULT_PRICE = "default";

	public Billing {
		prices = Map.copyOf(prices);
		rereadAddOns = Map.copyOf(rereadAddOns);
		Objects.requireNonNull(cancellation, "cancellation");
	}

	public Money priceFor(String specialty) {
		return this.prices.getOrDefault(specialty, this.prices.get(DEFAULT_PRICE));
	}

	/** The add-on for this kind of re-read, or zero when the policy has none. */
	public Money rereadAddOn(Reread kind) {
		return this.rereadAddOns.getOrDefault(kind, Money.zero(this.currency));
	}

	/**
	 * What the patient's card is charged on completion (the processing fee, taken at
	 * submission, is not part of it).
	 */
	public Money patientShare(String specialty, Set<Reread> rereads) {
		return switch (this.payer) {
			case PATIENT -> casePrice(specialty, rereads);
			case COPAY_AND_EMPLOYER -> this.copay.orElseThrow();
			case EMPLOYER, FREE -> Money.zero(this.currency);
		};
	}

	/** What the employer is invoiced for the case. */
	public Money employerShare(String specialty, Set<Reread> rereads) {
		return switch (this.payer) {
			case EMPLOYER -> casePrice(specialty, rereads);
			case COPAY_AND_EMPLOYER -> casePrice(specialty, rereads).minus(this.copay.orElseThrow());
			case PATIENT, FREE -> Money.zero(this.currency);
		};
	}

	private Money casePrice(String specialty, Set<Reread> rereads) {
		Money total = priceFor(specialty);
		for (Reread kind : rereads) {
			total = total.plus(rereadAddOn(kind));
		}
		return total;
	}

	public enum Payer {

		/** The patient pays the full price by card. */
		PATIENT,
		/** The employer pays the full price. */
		EMPLOYER,
		/** The patient pays a copay, the employer the rest. */
		COPAY_AND_EMPLOYER,
		/** Nobody pays. */
		FREE;

		public boolean patientPays() {
			return this == PATIENT || this == COPAY_AND_EMPLOYER;
		}

		public boolean employerPays() {
			return this == EMPLOYER || this == COPAY_AND_EMPLOYER;
		}

	}

	/**
	 * When the patient's card is charged. Only on completion: a card hold expires in 5-7
	 * days, shorter than a review, so money taken at submission is the processing fee.
	 */
	public enum PatientCharge {

		ON_COMPLETION

	}

	public enum EmployerInvoicing {

		PER_CASE, MONTHLY

	}

	/** A second look at the original material, priced on top of the case. */
	public enum Reread {

		RADIOLOGY, PATHOLOGY;

		/** The key in the tenant file, e.g. {@code pathology}. */
		public String key() {
			return name().toLowerCase(Locale.ROOT);
		}

		public static Optional<Reread> fromKey(String key) {
			return Arrays.stream(values()).filter((kind) -> kind.key().equals(key)).findFirst();
		}

	}

	/**
	 * What a cancellation costs, by the stage the case has reached. Each value is a
	 * percentage from 0 to 100.
	 *
	 * @param beforeReviewPercent share of the case price owed when the case is cancelled
	 * before a specialist accepts it
	 * @param inReviewPercent share of the case price owed when it is cancelled after a
	 * specialist accepted it and before completion
	 * @param afterCompletionRefundPercent share of what was charged for the case that is
	 * refunded when it is cancelled after completion
	 */
	public record Cancellation(int beforeReviewPercent, int inReviewPercent, int afterCompletionRefundPercent) {

		/**
		 * Nothing is owed and nothing refunded: the policy when a tenant says nothing.
		 */
		public static final Cancellation NONE_OWED = new Cancellation(0, 0, 0);

		public Cancellation {
			checkPercent("beforeReviewPercent", beforeReviewPercent);
			checkPercent("inReviewPercent", inReviewPercent);
			checkPercent("afterCompletionRefundPercent", afterCompletionRefundPercent);
		}

		private static void checkPercent(String name, int value) {
			if (value < 0 || value > 100) {
				throw new IllegalArgumentException(name + " must be between 0 and 100, was " + value);
			}
		}

	}

}

package org.consilium.tenantconfig;

import java.util.Currency;
import java.util.Map;
import java.util.Optional;

/**
 * Who pays for a second opinion, how much, and when.
 *
 * @param patientCharge when the patient's card is charged; present when the patient pays
 * anything
 * @param employerInvoicing how the employer is invoiced; present when the employer pays
 * anything
 * @param prices price of a case per specialty, with a {@code default} entry
 * @param copay what the patient pays when payer is {@link Payer#COPAY_AND_EMPLOYER}
 */
public record Billing(Payer payer, Optional<PatientCharge> patientCharge, Optional<EmployerInvoicing> employerInvoicing,
		Currency currency, Map<String, Money> prices, Optional<Money> copay) {

	public static final String DEFAULT_PRICE = "default";

	public Billing {
		prices = Map.copyOf(prices);
	}

	public Money priceFor(String specialty) {
		return this.prices.getOrDefault(specialty, this.prices.get(DEFAULT_PRICE));
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

	public enum PatientCharge {

		ON_SUBMISSION, ON_COMPLETION

	}

	public enum EmployerInvoicing {

		PER_CASE, MONTHLY

	}

}

package org.consilium.tenantconfig;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.consilium.tenantconfig.MoneyTest.USD;
import static org.consilium.tenantconfig.MoneyTest.usd;

/**
 * Who is charged what for a case: the patient's card on completion, the employer's
 * invoice, each with the re-read add-ons the case asked for.
 */
class BillingTest {

	private static final Set<Billing.Reread> NO_REREAD = Set.of();

	private static final Set<Billing.Reread> PATHOLOGY = Set.of(Billing.Reread.PATHOLOGY);

	private static final Map<String, Money> PRICES = Map.of(Billing.DEFAULT_PRICE, usd("750.00"), "oncology",
			usd("950.00"));

	private static final Map<Billing.Reread, Money> ADD_ONS = Map.of(Billing.Reread.PATHOLOGY, usd("250.00"));

	@Test
	void a_paying_patient_pays_the_specialty_price_and_the_add_ons() {
		Billing billing = policy(Billing.Payer.PATIENT, Optional.empty());
		assertThat(billing.patientShare("cardiology", NO_REREAD)).isEqualTo(usd("750.00"));
		assertThat(billing.patientShare("oncology", PATHOLOGY)).isEqualTo(usd("1200.00"));
		assertThat(billing.employerShare("oncology", PATHOLOGY)).isEqualTo(Money.zero(USD));
	}

	@Test
	void an_employer_pays_the_specialty_price_and_the_add_ons() {
		Billing billing = policy(Billing.Payer.EMPLOYER, Optional.empty());
		assertThat(billing.employerShare("cardiology", NO_REREAD)).isEqualTo(usd("750.00"));
		assertThat(billing.employerShare("oncology", PATHOLOGY)).isEqualTo(usd("1200.00"));
		assertThat(billing.patientShare("oncology", PATHOLOGY).isZero()).isTrue();
	}

	@Test
	void with_a_copay_the_patient_pays_the_copay_and_the_employer_the_rest() {
		Billing billing = policy(Billing.Payer.COPAY_AND_EMPLOYER, Optional.of(usd("50.00")));
		assertThat(billing.patientShare("cardiology", NO_REREAD)).isEqualTo(usd("50.00"));
		assertThat(billing.employerShare("cardiology", NO_REREAD)).isEqualTo(usd("700.00"));
	}

	@Test
	void with_a_copay_the_employer_pays_the_pathology_add_on_and_the_copay_stays_the_same() {
		Billing billing = policy(Billing.Payer.COPAY_AND_EMPLOYER, Optional.of(usd("50.00")));
		assertThat(billing.patientShare("cardiology", PATHOLOGY)).isEqualTo(usd("50.00"));
		assertThat(billing.employerShare("cardiology", PATHOLOGY)).isEqualTo(usd("950.00"));
	}

	@Test
	void when_it_is_free_nobody_pays_even_without_a_price_book() {
		Billing billing = new Billing(Billing.Payer.FREE, Optional.empty(), Optional.empty(), USD, Map.of(),
				Optional.empty(), Optional.empty(), Map.of(), Billing.Cancellation.NONE_OWED);
		assertThat(billing.patientShare("cardiology", PATHOLOGY)).isEqualTo(Money.zero(USD));
		assertThat(billing.employerShare("cardiology", PATHOLOGY)).isEqualTo(Money.zero(USD));
	}

	@Test
	void a_re_read_without_an_add_on_costs_nothing_extra() {
		Billing billing = policy(Billing.Payer.PATIENT, Optional.empty());
		assertThat(billing.rereadAddOn(Billing.Reread.PATHOLOGY)).isEqualTo(usd("250.00"));
		assertThat(billing.rereadAddOn(Billing.Reread.RADIOLOGY)).isEqualTo(Money.zero(USD));
		assertThat(billing.patientShare("cardiology", Set.of(Billing.Reread.RADIOLOGY, Billing.Reread.PATHOLOGY)))
			.isEqualTo(usd("1000.00"));
	}

	@Test
	void re_read_kinds_are_written_in_lower_case_in_tenant_files() {
		assertThat(Billing.Reread.PATHOLOGY.key()).isEqualTo("pathology");
		assertThat(Billing.Reread.fromKey("radiology")).contains(Billing.Reread.RADIOLOGY);
		assertThat(Billing.Reread.fromKey("RADIOLOGY")).isEmpty();
	}

	@Test
	void cancellation_percentages_are_between_0_and_100_and_default_to_nothing_owed() {
		assertThat(Billing.Cancellation.NONE_OWED).isEqualTo(new Billing.Cancellation(0, 0, 0));
		assertThatThrownBy(() -> new Billing.Cancellation(0, 101, 0)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new Billing.Cancellation(-1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
	}

	private static Billing policy(Billing.Payer payer, Optional<Money> copay) {
		return new Billing(payer,
				payer.patientPays() ? Optional.of(Billing.PatientCharge.ON_COMPLETION) : Optional.empty(),
				payer.employerPays() ? Optional.of(Billing.EmployerInvoicing.PER_CASE) : Optional.empty(), USD, PRICES,
				copay, Optional.empty(), ADD_ONS, new Billing.Cancellation(0, 50, 0));
	}

}

package org.consilium.tenantconfig;

import java.math.BigDecimal;
import java.util.Currency;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

	static final Currency USD = Currency.getInstance("USD");

	static final Currency JPY = Currency.getInstance("JPY");

	static Money usd(String amount) {
		return new Money(new BigDecimal(amount), USD);
	}

	@Test
	void amounts_carry_the_currency_fraction_digits_so_equal_amounts_are_equal() {
		assertThat(usd("750")).isEqualTo(usd("750.00"));
		assertThat(usd("750").toString()).isEqualTo("750.00 USD");
		assertThat(usd("750.5").minorUnits()).isEqualTo(75050);
	}

	@Test
	void more_decimals_than_the_currency_has_are_refused() {
		assertThatThrownBy(() -> usd("1.001")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new Money(new BigDecimal("1.5"), JPY)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void a_currency_without_a_minor_unit_is_refused() {
		assertThatThrownBy(() -> new Money(BigDecimal.ONE, Currency.getInstance("XAU")))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessage("XAU has no minor unit to charge in");
	}

	@Test
	void zero_is_zero_in_the_given_currency() {
		assertThat(Money.zero(USD)).isEqualTo(usd("0.00"));
		assertThat(Money.zero(USD).isZero()).isTrue();
		assertThat(Money.zero(JPY).toString()).isEqualTo("0 JPY");
		assertThat(usd("0.01").isZero()).isFalse();
	}

	@Test
	void plus_and_minus_stay_in_the_currency() {
		assertThat(usd("750.00").plus(usd("250.00"))).isEqualTo(usd("1000.00"));
		assertThat(usd("1000.00").minus(usd("50.00"))).isEqualTo(usd("950.00"));
		assertThat(usd("50.00").minus(usd("50.00")).isZero()).isTrue();
	}

	@Test
	void different_currencies_are_never_combined_or_compared() {
		Money yen = new Money(BigDecimal.TEN, JPY);
		assertThatThrownBy(() -> usd("10").plus(yen)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> usd("10").minus(yen)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> usd("10").compareTo(yen)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void percent_rounds_half_even_to_the_smallest_unit() {
		assertThat(usd("750.00").percent(50)).isEqualTo(usd("375.00"));
		assertThat(usd("750.00").percent(100)).isEqualTo(usd("750.00"));
		assertThat(usd("750.00").percent(0)).isEqualTo(Money.zero(USD));
		// 0.25 / 2 = 0.125 -> 0.12 (even), 0.35 / 2 = 0.175 -> 0.18 (even)
		assertThat(usd("0.25").percent(50)).isEqualTo(usd("0.12"));
		assertThat(usd("0.35").percent(50)).isEqualTo(usd("0.18"));
		// 33% of 0.10 = 0.033 -> 0.03
		assertThat(usd("0.10").percent(33)).isEqualTo(usd("0.03"));
		// a currency without fraction digits rounds to whole units: 15 / 2 = 7.5 -> 8
		assertThat(new Money(new BigDecimal("15"), JPY).percent(50)).isEqualTo(new Money(new BigDecimal("8"), JPY));
		assertThat(new Money(new BigDecimal("13"), JPY).percent(50)).isEqualTo(new Money(new BigDecimal("6"), JPY));
	}

	@Test
	void percent_outside_0_to_100_is_refused() {
		assertThatThrownBy(() -> usd("10").percent(-1)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> usd("10").percent(101)).isInstanceOf(IllegalArgumentException.class);
	}

}

package org.consilium.tenantconfig;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * An amount in a currency, never a floating-point number. Always carries exactly the
 * currency's fraction digits, so equal amounts are equal records.
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

	public Money {
		if (currency.getDefaultFractionDigits() < 0) {
			throw new IllegalArgumentException(currency.getCurrencyCode() + " has no minor unit to charge in");
		}
		if (amount.scale() > currency.getDefaultFractionDigits()) {
			throw new IllegalArgumentException("too many decimal places for " + currency.getCurrencyCode());
		}
		amount = amount.setScale(currency.getDefaultFractionDigits());
	}

	public static Money zero(Currency currency) {
		return new Money(BigDecimal.ZERO, currency);
	}

	public Money plus(Money other) {
		return new Money(this.amount.add(sameCurrency(other).amount), this.currency);
	}

	public Money minus(Money other) {
		return new Money(this.amount.subtract(sameCurrency(other).amount), this.currency);
	}

	/**
	 * This share of the amount, rounded half-even (banker's rounding, so a run of refunds
	 * does not drift one way) to the currency's smallest unit.
	 * @param percent 0 to 100
	 */
	public Money percent(int percent) {
		if (percent < 0 || percent > 100) {
			throw new IllegalArgumentException("percent must be between 0 and 100, was " + percent);
		}
		BigDecimal share = this.amount.multiply(BigDecimal.valueOf(percent))
			.divide(BigDecimal.valueOf(100), this.currency.getDefaultFractionDigits(), RoundingMode.HALF_EVEN);
		return new Money(share, this.currency);
	}

	public boolean isZero() {
		return this.amount.signum() == 0;
	}

	/** The amount in the currency's smallest unit, as payment processors want it. */
	public long minorUnits() {
		return this.amount.movePointRight(this.currency.getDefaultFractionDigits()).longValueExact();
	}

	@Override
	public int compareTo(Money other) {
		return this.amount.compareTo(sameCurrency(other).amount);
	}

	private Money sameCurrency(Money other) {
		if (!this.currency.equals(other.currency)) {
			throw new IllegalArgumentException("cannot combine " + this.currency + " with " + other.currency);
		}
		return other;
	}

	@Override
	public String toString() {
		return this.amount.toPlainString() + " " + this.currency.getCurrencyCode();
	}

}

package org.consilium.tenantconfig;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * An amount in a currency, never a floating-point number.
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

	public Money {
		if (amount.scale() > currency.getDefaultFractionDigits()) {
			throw new IllegalArgumentException("too many decimal places for " + currency.getCurrencyCode());
		}
		amount = amount.setScale(currency.getDefaultFractionDigits());
	}

	/** The amount in the currency's smallest unit, as payment processors want it. */
	public long minorUnits() {
		return this.amount.movePointRight(this.currency.getDefaultFractionDigits()).longValueExact();
	}

	@Override
	public int compareTo(Money other) {
		if (!this.currency.equals(other.currency)) {
			throw new IllegalArgumentException("cannot compare " + this.currency + " with " + other.currency);
		}
		return this.amount.compareTo(other.amount);
	}

	@Override
	public String toString() {
		return this.amount.toPlainString() + " " + this.currency.getCurrencyCode();
	}

}

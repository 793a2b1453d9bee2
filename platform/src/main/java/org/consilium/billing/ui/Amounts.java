package org.consilium.billing.ui;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import org.consilium.tenantconfig.Money;

/**
 * Money and dates as the reader's language writes them ({@code $750.00},
 * {@code 750,00 US$}).
 */
final class Amounts {

	/** Shown where a value does not exist yet, such as a draft invoice's total. */
	static final String NONE = "–";

	private Amounts() {
	}

	static String format(Money money, Locale locale) {
		if (money == null) {
			return NONE;
		}
		NumberFormat format = NumberFormat.getCurrencyInstance(locale);
		format.setCurrency(money.currency());
		format.setMinimumFractionDigits(money.currency().getDefaultFractionDigits());
		format.setMaximumFractionDigits(money.currency().getDefaultFractionDigits());
		return format.format(money.amount());
	}

	static String date(Instant at, ZoneId zone, Locale locale) {
		if (at == null) {
			return NONE;
		}
		return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(at.atZone(zone));
	}

}

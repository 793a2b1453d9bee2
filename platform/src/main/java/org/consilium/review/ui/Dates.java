package org.consilium.review.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Dates and times as the review pages show them, in a programme's time zone. */
final class Dates {

	private Dates() {
	}

	static String date(Instant instant, ZoneId zone, Locale locale) {
		return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(instant.atZone(zone));
	}

	static String dateTime(Instant instant, ZoneId zone, Locale locale) {
		return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
			.withLocale(locale)
			.format(instant.atZone(zone));
	}

}

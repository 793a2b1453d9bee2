package org.consilium.cases.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * Dates as the patient expects them: in the programme's time zone and their language.
 */
final class CaseFormat {

	private CaseFormat() {
	}

	static String dateTime(Instant instant, ZoneId zone, Locale locale) {
		return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
			.withLocale(locale)
			.withZone(zone)
			.format(instant);
	}

	/** The time of day, for "saved at 10:42". */
	static String time(Instant instant, ZoneId zone, Locale locale) {
		return DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale).withZone(zone).format(instant);
	}

}

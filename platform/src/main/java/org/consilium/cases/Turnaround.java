package org.consilium.cases;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

/**
 * The turnaround clock in business days: weekends and the given holidays do not count;
 * days are those of the programme's time zone. A case submitted on a business day counts
 * from the next business day, so "10 business days" are ten whole working days.
 *
 * @param zone the programme's time zone (business hours)
 * @param holidays days that are not business days
 */
public record Turnaround(ZoneId zone, Set<LocalDate> holidays) {

	/** From 80% of the time elapsed a case is at risk. */
	public static final double AT_RISK = 0.8;

	public Turnaround {
		holidays = Set.copyOf(holidays);
	}

	public boolean isBusinessDay(LocalDate day) {
		DayOfWeek weekday = day.getDayOfWeek();
		return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY && !this.holidays.contains(day);
	}

	/** The last day the opinion is due on: the n-th business day after the start. */
	public LocalDate due(Instant start, int businessDays) {
		if (businessDays < 1) {
			throw new IllegalArgumentException("businessDays must be at least 1");
		}
		LocalDate day = start.atZone(this.zone).toLocalDate();
		int counted = 0;
		while (counted < businessDays) {
			day = day.plusDays(1);
			if (isBusinessDay(day)) {
				counted++;
			}
		}
		return day;
	}

	/** Business days after the start's day up to and including {@code day}. */
	public int businessDaysElapsed(Instant start, LocalDate day) {
		LocalDate from = start.atZone(this.zone).toLocalDate();
		int counted = 0;
		for (LocalDate d = from.plusDays(1); !d.isAfter(day); d = d.plusDays(1)) {
			if (isBusinessDay(d)) {
				counted++;
			}
		}
		return counted;
	}

	/** Where the case stands against its due date at {@code now}. */
	public Standing standing(Instant start, int businessDays, Instant now) {
		LocalDate today = now.atZone(this.zone).toLocalDate();
		LocalDate due = due(start, businessDays);
		if (today.isAfter(due)) {
			return Standing.OVERDUE;
		}
		return (businessDaysElapsed(start, today) >= Math.ceil(AT_RISK * businessDays)) ? Standing.AT_RISK
				: Standing.ON_TRACK;
	}

	/** A case against its due date. */
	public enum Standing {

		ON_TRACK, AT_RISK, OVERDUE

	}

}

package org.consilium.tenantconfig;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * When the programme's support desk is staffed, in the programme's own time zone.
 *
 * @param weekly opening hours per day; a day that is absent or empty is closed
 * @param closedDates holidays on which the desk is closed all day
 */
public record BusinessHours(ZoneId timeZone, Map<DayOfWeek, List<TimeRange>> weekly, Set<LocalDate> closedDates) {

	public BusinessHours {
		weekly = Map.copyOf(weekly);
		closedDates = Set.copyOf(closedDates);
	}

	public List<TimeRange> on(DayOfWeek day) {
		return this.weekly.getOrDefault(day, List.of());
	}

	public boolean isOpenAt(Instant instant) {
		ZonedDateTime local = instant.atZone(this.timeZone);
		if (this.closedDates.contains(local.toLocalDate())) {
			return false;
		}
		return on(local.getDayOfWeek()).stream().anyMatch((range) -> range.contains(local.toLocalTime()));
	}

}

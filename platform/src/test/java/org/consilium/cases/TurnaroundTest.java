package org.consilium.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

import org.consilium.cases.Turnaround.Standing;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TurnaroundTest {

	static final ZoneId BOSTON = ZoneId.of("America/New_York");

	static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

	final Turnaround boston = new Turnaround(BOSTON, Set.of());

	static Instant at(ZoneId zone, int year, int month, int day, int hour) {
		return ZonedDateTime.of(year, month, day, hour, 0, 0, 0, zone).toInstant();
	}

	@Test
	void ten_business_days_skip_two_weekends() {
		// Monday 2026-11-30 → the 10th business day after it is Monday 2026-12-14.
		assertThat(this.boston.due(at(BOSTON, 2026, 11, 30, 9), 10)).isEqualTo(LocalDate.of(2026, 12, 14));
	}

	@Test
	void a_case_submitted_on_friday_evening_or_the_weekend_starts_on_monday() {
		LocalDate fromFriday = this.boston.due(at(BOSTON, 2026, 12, 4, 18), 1);
		LocalDate fromSaturday = this.boston.due(at(BOSTON, 2026, 12, 5, 10), 1);
		LocalDate fromSunday = this.boston.due(at(BOSTON, 2026, 12, 6, 10), 1);
		assertThat(fromFriday).isEqualTo(LocalDate.of(2026, 12, 7));
		assertThat(fromSaturday).isEqualTo(LocalDate.of(2026, 12, 7));
		assertThat(fromSunday).isEqualTo(LocalDate.of(2026, 12, 7));
	}

	@Test
	void holidays_are_not_counted() {
		Turnaround withHolidays = new Turnaround(BOSTON, Set.of(LocalDate.of(2026, 12, 25), LocalDate.of(2027, 1, 1)));
		// Monday 2026-12-21 + 8 business days, skipping Christmas (Fri) and New Year's
		// Day (Fri).
		assertThat(withHolidays.due(at(BOSTON, 2026, 12, 21, 9), 8)).isEqualTo(LocalDate.of(2027, 1, 4));
		assertThat(this.boston.due(at(BOSTON, 2026, 12, 21, 9), 8)).isEqualTo(LocalDate.of(2026, 12, 31));
	}

	@Test
	void the_programmes_time_zone_decides_which_day_it_is() {
		// 23:30 on Friday in Boston is already Saturday 05:30 in Madrid.
		Instant fridayNightInBoston = at(BOSTON, 2026, 12, 4, 23).plusSeconds(30 * 60);
		assertThat(this.boston.due(fridayNightInBoston, 1)).isEqualTo(LocalDate.of(2026, 12, 7));
		assertThat(new Turnaround(MADRID, Set.of()).due(fridayNightInBoston, 1)).isEqualTo(LocalDate.of(2026, 12, 7));
		// 20:00 on Thursday in Boston is Friday in Madrid: one business day later there.
		Instant thursdayEvening = at(BOSTON, 2026, 12, 3, 20);
		assertThat(this.boston.due(thursdayEvening, 1)).isEqualTo(LocalDate.of(2026, 12, 4));
		assertThat(new Turnaround(MADRID, Set.of()).due(thursdayEvening, 1)).isEqualTo(LocalDate.of(2026, 12, 7));
	}

	@Test
	void on_track_then_at_risk_from_eighty_percent_then_overdue_after_the_due_day() {
		Instant start = at(BOSTON, 2026, 11, 30, 9); // Monday; due Monday 2026-12-14
		assertThat(this.boston.standing(start, 10, at(BOSTON, 2026, 12, 9, 12))).as("7 of 10 days")
			.isEqualTo(Standing.ON_TRACK);
		assertThat(this.boston.standing(start, 10, at(BOSTON, 2026, 12, 10, 12))).as("8 of 10 days")
			.isEqualTo(Standing.AT_RISK);
		assertThat(this.boston.standing(start, 10, at(BOSTON, 2026, 12, 14, 23))).as("the due day itself")
			.isEqualTo(Standing.AT_RISK);
		assertThat(this.boston.standing(start, 10, at(BOSTON, 2026, 12, 15, 0))).isEqualTo(Standing.OVERDUE);
	}

	@Test
	void at_least_one_business_day() {
		assertThatThrownBy(() -> this.boston.due(Instant.now(), 0)).isInstanceOf(IllegalArgumentException.class);
	}

}

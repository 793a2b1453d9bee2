package org.consilium.cases.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import java.time.Instant;

import org.consilium.cases.CaseStatus;
import org.consilium.cases.Turnaround;
import org.consilium.cases.TurnaroundClock;
import org.consilium.tenant.Tenants;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The turnaround clock from the programme's time zone and the configured holidays.
 */
@Service
class TurnaroundService implements TurnaroundClock {

	private final Tenants tenants;

	private final Clock clock;

	private final Set<LocalDate> holidays;

	TurnaroundService(Tenants tenants, Clock clock, @Value("${consilium.turnaround.holidays:}") List<String> holidays) {
		this.tenants = tenants;
		this.clock = clock;
		// ISO dates; a wrong one stops the start with the parser's message naming it.
		this.holidays = holidays.stream()
			.map(String::strip)
			.filter((day) -> !day.isEmpty())
			.map(LocalDate::parse)
			.collect(java.util.stream.Collectors.toUnmodifiableSet());
	}

	@Override
	public Turnaround calendar() {
		return new Turnaround(this.tenants.current().config().branding().businessHours().timeZone(), this.holidays);
	}

	@Override
	public Optional<Turnaround.Standing> standing(CaseStatus status, Instant submittedAt, LocalDate dueOn) {
		if (dueOn == null || submittedAt == null || !status.isOpen()) {
			return Optional.empty();
		}
		Turnaround calendar = calendar();
		int days = calendar.businessDaysElapsed(submittedAt, dueOn);
		return Optional.of(calendar.standing(submittedAt, Math.max(days, 1), this.clock.instant()));
	}

}

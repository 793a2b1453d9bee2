package org.consilium.cases.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.consilium.cases.CaseStatus;
import org.consilium.cases.ProgrammeStatistics;
import org.consilium.tenant.Tenants;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts the current programme's cases with SQL (RLS keeps them to its partition) and
 * suppresses small counts before anything leaves this class.
 */
@Service
class ProgrammeStatisticsService implements ProgrammeStatistics {

	private final JdbcTemplate jdbc;

	private final Tenants tenants;

	private final Clock clock;

	ProgrammeStatisticsService(JdbcTemplate jdbc, Tenants tenants, Clock clock) {
		this.jdbc = jdbc;
		this.tenants = tenants;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public Figures lastTwelveMonths() {
		YearMonth current = YearMonth.now(this.clock.withZone(zone()));
		return figures(current.minusMonths(11), current);
	}

	@Override
	@Transactional(readOnly = true)
	public Figures figures(YearMonth first, YearMonth last) {
		if (last.isBefore(first)) {
			throw new IllegalArgumentException("The period ends before it starts: " + first + " to " + last);
		}
		ZoneId zone = zone();
		Timestamp from = Timestamp.from(first.atDay(1).atStartOfDay(zone).toInstant());
		Timestamp to = Timestamp.from(last.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant());
		List<MonthCount> deliveries = deliveries(first, last, zone, from, to);
		return new Figures(first, last, byStatus(from, to), onTime(zone, from, to, deliveries), deliveries);
	}

	/** Grouped first, then suppressed: a group of five made of small statuses shows. */
	private Map<StatusGroup, Count> byStatus(Timestamp from, Timestamp to) {
		Map<StatusGroup, Long> counts = new EnumMap<>(StatusGroup.class);
		for (StatusGroup group : StatusGroup.values()) {
			counts.put(group, 0L);
		}
		this.jdbc.query("""
				select status, count(*) from medical_case
				where created_at >= ? and created_at < ? group by status
				""", (row) -> {
			long count = row.getLong(2);
			StatusGroup.of(CaseStatus.valueOf(row.getString(1)))
				.ifPresent((group) -> counts.merge(group, count, Long::sum));
		}, from, to);
		Map<StatusGroup, Count> shown = new EnumMap<>(StatusGroup.class);
		counts.forEach((group, count) -> shown.put(group, Count.of(count)));
		return shown;
	}

	private List<MonthCount> deliveries(YearMonth first, YearMonth last, ZoneId zone, Timestamp from, Timestamp to) {
		Map<YearMonth, Long> counts = new HashMap<>();
		this.jdbc.query("""
				select to_char(delivered_at at time zone ?, 'YYYY-MM'), count(*) from medical_case
				where delivered_at >= ? and delivered_at < ? group by 1
				""", (row) -> {
			counts.put(YearMonth.parse(row.getString(1)), row.getLong(2));
		}, zone.getId(), from, to);
		List<MonthCount> months = new ArrayList<>();
		for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
			months.add(new MonthCount(month, Count.of(counts.getOrDefault(month, 0L))));
		}
		return List.copyOf(months);
	}

	/** On time: delivered on or before the due day, in the programme's time zone. */
	private OnTime onTime(ZoneId zone, Timestamp from, Timestamp to, List<MonthCount> deliveries) {
		long[] counts = new long[2];
		this.jdbc.query("""
				select count(*) filter (where (delivered_at at time zone ?)::date <= due_on),
				       count(*) filter (where (delivered_at at time zone ?)::date > due_on)
				from medical_case where delivered_at >= ? and delivered_at < ? and due_on is not null
				""", (row) -> {
			counts[0] = row.getLong(1);
			counts[1] = row.getLong(2);
		}, zone.getId(), zone.getId(), from, to);
		return Suppression.onTime(counts[0], counts[1], deliveries);
	}

	private ZoneId zone() {
		return this.tenants.current().config().branding().businessHours().timeZone();
	}

}

package org.consilium.cases;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;

import org.springframework.security.access.prepost.PreAuthorize;

/**
 * The current programme's figures for its tenant admins: cases by status, turnaround
 * against the programme's target and opinions delivered per month. Every count from 1 to
 * 4 comes back {@linkplain Count#suppressed() suppressed}, and so does every share or
 * cell it would give away, so no figure can point at one employee.
 */
public interface ProgrammeStatistics {

	/** Counts below this, except zero, are never handed out. */
	int SMALLEST_SHOWN = 5;

	/**
	 * The twelve months up to and including the current one, in the programme's time
	 * zone.
	 */
	@PreAuthorize("hasRole('TENANT_ADMIN')")
	Figures lastTwelveMonths();

	/** The figures for the months {@code first} to {@code last}, both included. */
	@PreAuthorize("hasRole('TENANT_ADMIN')")
	Figures figures(YearMonth first, YearMonth last);

	/**
	 * @param byStatus cases created in the period (drafts left out), by where they are
	 * now
	 * @param turnaround opinions delivered in the period against their due date
	 * @param deliveries opinions delivered in each month of the period, oldest first
	 */
	record Figures(YearMonth first, YearMonth last, Map<StatusGroup, Count> byStatus, OnTime turnaround,
			List<MonthCount> deliveries) {
	}

	/**
	 * @param percent the share delivered on time, absent when nothing was delivered or a
	 * count behind it is suppressed
	 */
	record OnTime(Count onTime, Count late, OptionalInt percent) {
	}

	record MonthCount(YearMonth month, Count delivered) {
	}

	/** The statuses in a few groups a reader outside the workflow understands. */
	enum StatusGroup {

		INTAKE, REVIEW, DELIVERED, CLOSED, CANCELLED;

		/** The group of a status; none for a draft, which is not a request yet. */
		public static java.util.Optional<StatusGroup> of(CaseStatus status) {
			return java.util.Optional.ofNullable(switch (status) {
				case DRAFT -> null;
				case SUBMITTED, AWAITING_PHYSICIAN, AWAITING_RECORDS, READY_FOR_TRIAGE, ON_HOLD -> INTAKE;
				case ASSIGNED, IN_REVIEW, OPINION_SUBMITTED, RETURNED, APPROVED -> REVIEW;
				case PUBLISHED, VIEWED_BY_PHYSICIAN -> DELIVERED;
				case CLOSED -> CLOSED;
				case CANCELLED -> CANCELLED;
			});
		}

	}

	/**
	 * A count as it may be shown: zero, five or more, or suppressed (1 to 4). The number
	 * behind a suppressed count is not kept, so it cannot leak through a getter or a log.
	 */
	final class Count {

		private static final Count SUPPRESSED = new Count(-1);

		private final long value;

		private Count(long value) {
			this.value = value;
		}

		public static Count of(long count) {
			if (count < 0) {
				throw new IllegalArgumentException("A count cannot be negative: " + count);
			}
			return (count > 0 && count < SMALLEST_SHOWN) ? SUPPRESSED : new Count(count);
		}

		public static Count suppressedCount() {
			return SUPPRESSED;
		}

		public boolean suppressed() {
			return this.value < 0;
		}

		/** The number, absent when suppressed. */
		public OptionalLong value() {
			return suppressed() ? OptionalLong.empty() : OptionalLong.of(this.value);
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Count count && count.value == this.value;
		}

		@Override
		public int hashCode() {
			return Long.hashCode(this.value);
		}

		@Override
		public String toString() {
			return suppressed() ? "suppressed" : Long.toString(this.value);
		}

	}

}

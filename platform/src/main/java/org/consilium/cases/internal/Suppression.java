package org.consilium.cases.internal;

import java.util.List;
import java.util.OptionalInt;

import org.consilium.cases.ProgrammeStatistics.Count;
import org.consilium.cases.ProgrammeStatistics.MonthCount;
import org.consilium.cases.ProgrammeStatistics.OnTime;

/**
 * The small-count rule applied to figures that add up to each other. Counts 1 to 4 are
 * suppressed by {@link Count#of}; here a share built on a suppressed count is suppressed,
 * and so is a second cell when the first could be worked out by subtraction. See
 * docs/decisions/020-dashboard-small-counts.md.
 */
final class Suppression {

	private Suppression() {
	}

	/**
	 * On time against late. The monthly deliveries add up to on time plus late, so when
	 * exactly one month is suppressed and both are shown, the smaller of the two is
	 * suppressed as well (otherwise the month is their sum less the months shown).
	 */
	static OnTime onTime(long onTime, long late, List<MonthCount> months) {
		Count shownOnTime = Count.of(onTime);
		Count shownLate = Count.of(late);
		long suppressedMonths = months.stream().filter((month) -> month.delivered().suppressed()).count();
		if (suppressedMonths == 1 && !shownOnTime.suppressed() && !shownLate.suppressed()) {
			if (late <= onTime) {
				shownLate = Count.suppressedCount();
			}
			else {
				shownOnTime = Count.suppressedCount();
			}
		}
		OptionalInt percent = (shownOnTime.suppressed() || shownLate.suppressed() || onTime + late == 0)
				? OptionalInt.empty() : OptionalInt.of((int) Math.round(100.0 * onTime / (onTime + late)));
		return new OnTime(shownOnTime, shownLate, percent);
	}

}

package org.consilium.cases.internal;

import java.time.YearMonth;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.LongStream;

import org.consilium.cases.ProgrammeStatistics.Count;
import org.consilium.cases.ProgrammeStatistics.MonthCount;
import org.consilium.cases.ProgrammeStatistics.OnTime;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The small-count rule: no count from 1 to 4 leaves the statistics, nor a share or cell
 * that would give one away.
 */
class SuppressionTest {

	@Test
	void counts_from_one_to_four_are_suppressed_zero_and_five_or_more_show() {
		assertThat(Count.of(0).value()).isEqualTo(OptionalLong.of(0));
		LongStream.rangeClosed(1, 4).forEach((n) -> {
			assertThat(Count.of(n).suppressed()).as("%d", n).isTrue();
			assertThat(Count.of(n).value()).as("%d", n).isEmpty();
		});
		assertThat(Count.of(5).value()).isEqualTo(OptionalLong.of(5));
		assertThat(Count.of(1234).value()).isEqualTo(OptionalLong.of(1234));
		assertThat(Count.of(3)).hasToString("suppressed").isEqualTo(Count.of(4));
		assertThatIllegalArgumentException().isThrownBy(() -> Count.of(-1));
	}

	@Test
	void the_on_time_share_shows_when_both_counts_show() {
		OnTime figure = Suppression.onTime(15, 5, months(20, 0));
		assertThat(figure.onTime().value()).hasValue(15);
		assertThat(figure.late().value()).hasValue(5);
		assertThat(figure.percent()).hasValue(75);
	}

	@Test
	void a_share_built_on_a_suppressed_count_is_suppressed() {
		OnTime figure = Suppression.onTime(12, 3, months(15, 0));
		assertThat(figure.onTime().value()).hasValue(12);
		assertThat(figure.late().suppressed()).isTrue();
		assertThat(figure.percent()).isEmpty();
	}

	@Test
	void nothing_delivered_shows_zeros_and_no_share() {
		OnTime figure = Suppression.onTime(0, 0, months(0, 0));
		assertThat(figure.onTime().value()).hasValue(0);
		assertThat(figure.late().value()).hasValue(0);
		assertThat(figure.percent()).isEmpty();
	}

	@Test
	void when_one_month_is_suppressed_the_smaller_of_on_time_and_late_is_suppressed_too() {
		// 9 + 3 delivered: with 7 on time and 5 late shown, the 3 would be 7 + 5 - 9.
		OnTime figure = Suppression.onTime(7, 5, months(9, 3));
		assertThat(figure.onTime().value()).hasValue(7);
		assertThat(figure.late().suppressed()).isTrue();
		assertThat(figure.percent()).isEmpty();
		OnTime mostlyLate = Suppression.onTime(5, 7, months(9, 3));
		assertThat(mostlyLate.onTime().suppressed()).isTrue();
		assertThat(mostlyLate.late().value()).hasValue(7);
	}

	private static List<MonthCount> months(long... counts) {
		YearMonth month = YearMonth.of(2025, 1);
		List<MonthCount> months = new java.util.ArrayList<>();
		for (long count : counts) {
			months.add(new MonthCount(month, Count.of(count)));
			month = month.plusMonths(1);
		}
		return months;
	}

}

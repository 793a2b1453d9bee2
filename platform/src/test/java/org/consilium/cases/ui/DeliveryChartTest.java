package org.consilium.cases.ui;

import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

import org.consilium.cases.ProgrammeStatistics.Count;
import org.consilium.cases.ProgrammeStatistics.MonthCount;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server-drawn chart: a bar per month scaled to the largest, a suppressed month as a
 * hatched bar of fixed height labelled "fewer than 5" with no number anywhere.
 */
class DeliveryChartTest {

	@Test
	void a_suppressed_month_is_a_hatched_bar_labelled_fewer_than_five() {
		List<MonthCount> months = List.of(new MonthCount(YearMonth.of(2025, 12), Count.of(10)),
				new MonthCount(YearMonth.of(2026, 1), Count.of(3)), new MonthCount(YearMonth.of(2026, 2), Count.of(0)));
		String svg = new DeliveryChart("Opinions delivered per month", "fewer than 5", Locale.ENGLISH).draw(months);
		assertThat(svg).startsWith("<svg").endsWith("</svg>");
		assertThat(svg).contains("<title>Opinions delivered per month</title>");
		assertThat(svg).contains("class=\"bar-suppressed\"", "url(#dashboard-hatch)", ">fewer than 5<");
		assertThat(svg).contains(">10<", ">0<", ">Dec<", ">Jan<", ">Feb<", ">2025<", ">2026<");
		assertThat(svg).doesNotContain(">3<");
		// The largest month fills the plot: 260 high less 24 above and 40 below.
		assertThat(svg).contains("height=\"196.0\"");
	}

	@Test
	void month_names_follow_the_readers_language() {
		String svg = new DeliveryChart("t", "menos de 5", Locale.forLanguageTag("es"))
			.draw(List.of(new MonthCount(YearMonth.of(2026, 1), Count.of(1))));
		assertThat(svg).contains(">ene<", ">menos de 5<");
	}

}

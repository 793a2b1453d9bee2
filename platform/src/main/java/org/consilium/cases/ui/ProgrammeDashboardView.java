package org.consilium.cases.ui;

import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.consilium.cases.ProgrammeStatistics;
import org.consilium.cases.ProgrammeStatistics.Count;
import org.consilium.cases.ProgrammeStatistics.Figures;
import org.consilium.cases.ProgrammeStatistics.MonthCount;
import org.consilium.cases.ProgrammeStatistics.OnTime;
import org.consilium.cases.ProgrammeStatistics.StatusGroup;
import org.consilium.identity.Roles;
import org.consilium.shell.MainLayout;

/**
 * A programme's dashboard, for its tenant admins, on its own site only (no
 * {@code @OperatorRoute}): cases by status, turnaround against the target and opinions
 * delivered per month over the last twelve months. Small counts arrive suppressed from
 * {@link ProgrammeStatistics} and show as "fewer than 5".
 * (docs/decisions/020-dashboard-small-counts.md)
 */
@Route(value = "admin/dashboard", layout = MainLayout.class)
@RolesAllowed(Roles.TENANT_ADMIN)
class ProgrammeDashboardView extends Div implements HasDynamicTitle {

	ProgrammeDashboardView(ProgrammeStatistics statistics) {
		Figures figures = statistics.lastTwelveMonths();
		addClassName("dashboard-page");
		DateTimeFormatter month = DateTimeFormatter.ofPattern("LLLL yyyy", getLocale());
		Paragraph period = new Paragraph(getTranslation("dashboard.period", month.format(figures.first()),
				month.format(figures.last()), String.valueOf(ProgrammeStatistics.SMALLEST_SHOWN - 1)));
		period.setId("dashboard-period");
		add(new H1(getTranslation("dashboard.title")), period, byStatus(figures.byStatus()),
				turnaround(figures.turnaround()), deliveries(figures.deliveries()));
	}

	private Div byStatus(Map<StatusGroup, Count> counts) {
		Grid<Map.Entry<StatusGroup, Count>> grid = new Grid<>();
		grid.setId("dashboard-status");
		grid.addThemeVariants(GridVariant.LUMO_COMPACT);
		grid.addColumn((entry) -> getTranslation("dashboard.status." + entry.getKey().name()))
			.setHeader(getTranslation("dashboard.status.group"));
		grid.addColumn((entry) -> count(entry.getValue()))
			.setHeader(getTranslation("dashboard.status.cases"))
			.setTextAlign(ColumnTextAlign.END);
		grid.setItems(List.copyOf(counts.entrySet()));
		grid.setAllRowsVisible(true);
		return card(getTranslation("dashboard.status.title"), grid);
	}

	private Div turnaround(OnTime figure) {
		Paragraph share = new Paragraph(figure.percent().isPresent()
				? getTranslation("dashboard.turnaround.percent", String.valueOf(figure.percent().getAsInt()))
				: getTranslation("dashboard.turnaround.no-percent"));
		share.setId("dashboard-on-time-share");
		share.addClassName("dashboard-figure");
		Paragraph counts = new Paragraph(
				getTranslation("dashboard.turnaround.counts", count(figure.onTime()), count(figure.late())));
		counts.setId("dashboard-on-time-counts");
		return card(getTranslation("dashboard.turnaround.title"), share, counts);
	}

	private Div deliveries(List<MonthCount> months) {
		Svg chart = new Svg(new DeliveryChart(getTranslation("dashboard.deliveries.title"),
				getTranslation("dashboard.suppressed"), getLocale())
			.draw(months));
		chart.setId("dashboard-deliveries-chart");
		chart.addClassName("dashboard-chart");
		DateTimeFormatter format = DateTimeFormatter.ofPattern("LLLL yyyy", getLocale());
		Grid<MonthCount> table = new Grid<>();
		table.setId("dashboard-deliveries");
		table.addThemeVariants(GridVariant.LUMO_COMPACT);
		table.addColumn((row) -> format.format(row.month())).setHeader(getTranslation("dashboard.deliveries.month"));
		table.addColumn((row) -> count(row.delivered()))
			.setHeader(getTranslation("dashboard.deliveries.opinions"))
			.setTextAlign(ColumnTextAlign.END);
		table.setItems(months);
		table.setAllRowsVisible(true);
		return card(getTranslation("dashboard.deliveries.title"), chart, table);
	}

	private String count(Count count) {
		return count.value().isPresent()
				? NumberFormat.getIntegerInstance(getLocale()).format(count.value().getAsLong())
				: getTranslation("dashboard.suppressed");
	}

	private static Div card(String title, com.vaadin.flow.component.Component... content) {
		Div card = new Div(new H2(title));
		card.add(content);
		card.addClassName("card");
		return card;
	}

	@Override
	public String getPageTitle() {
		return getTranslation("dashboard.title");
	}

}

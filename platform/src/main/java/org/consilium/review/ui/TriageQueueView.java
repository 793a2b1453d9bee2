package org.consilium.review.ui;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.consilium.identity.Roles;
import org.consilium.review.Triage;
import org.consilium.review.Triage.QueueItem;
import org.consilium.shell.MainLayout;
import org.consilium.tenant.OperatorRoute;

/**
 * Triage staff: the cases of every programme, by lane (ready, in review, waiting for
 * records), soonest due first, with the programme shown. A row opens the case.
 */
@Route(value = "triage", layout = MainLayout.class)
@RolesAllowed(Roles.TRIAGE)
@OperatorRoute
class TriageQueueView extends Div implements HasDynamicTitle {

	private final transient Triage triage;

	private final Grid<QueueItem> grid = new Grid<>();

	private final Paragraph empty = new Paragraph();

	private final Tabs lanes = new Tabs();

	TriageQueueView(Triage triage) {
		this.triage = triage;
		addClassName("triage-page");
		add(new H1(getTranslation("triage.title")));
		for (Triage.Lane lane : Triage.Lane.values()) {
			Tab tab = new Tab(getTranslation("triage.lane." + lane.name()));
			tab.setId("lane-" + lane.name().toLowerCase(Locale.ROOT));
			this.lanes.add(tab);
		}
		this.lanes.addSelectedChangeListener((event) -> refresh());
		this.grid.setId("triage-queue");
		this.grid.addColumn((item) -> item.programme())
			.setHeader(getTranslation("triage.programme"))
			.setAutoWidth(true);
		this.grid.addColumn((item) -> item.key().reference().value())
			.setHeader(getTranslation("triage.reference"))
			.setAutoWidth(true);
		this.grid.addColumn((item) -> getTranslation("specialty." + item.specialty()))
			.setHeader(getTranslation("triage.specialty"));
		this.grid.addColumn((item) -> getTranslation("case.status." + item.status().name()))
			.setHeader(getTranslation("triage.status"));
		Grid.Column<QueueItem> due = this.grid.addComponentColumn(this::due)
			.setHeader(getTranslation("triage.due"))
			.setComparator(java.util.Comparator.comparing(QueueItem::dueOn,
					java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())))
			.setSortable(true)
			.setKey("due");
		this.grid.addColumn((item) -> (item.assignee() != null) ? item.assignee() : "")
			.setHeader(getTranslation("triage.assignee"));
		this.grid.sort(java.util.List.of(new GridSortOrder<>(due, SortDirection.ASCENDING)));
		this.grid.addItemClickListener(
				(event) -> getUI().ifPresent((ui) -> ui.navigate("triage/" + event.getItem().key().path())));
		this.grid.setAllRowsVisible(true);
		this.empty.setId("triage-empty");
		this.empty.setText(getTranslation("triage.empty"));
		Div card = new Div(this.lanes, this.grid, this.empty);
		card.addClassName("card");
		add(card);
		refresh();
	}

	private Component due(QueueItem item) {
		Span due = new Span((item.dueOn() != null)
				? DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale()).format(item.dueOn())
				: "—");
		item.standing().ifPresent((standing) -> {
			Span badge = new Span(getTranslation("case.standing." + standing.name()));
			badge.addClassNames("standing", "standing-" + standing.name().toLowerCase(Locale.ROOT));
			badge.getElement().setAttribute("data-standing", standing.name());
			due.add(new Span(" "), badge);
		});
		return due;
	}

	private void refresh() {
		Triage.Lane lane = Triage.Lane.values()[Math.max(0, this.lanes.getSelectedIndex())];
		var items = this.triage.queue(lane);
		this.grid.setItems(items);
		this.grid.setVisible(!items.isEmpty());
		this.empty.setVisible(items.isEmpty());
	}

	@Override
	public String getPageTitle() {
		return getTranslation("triage.title");
	}

}

package org.consilium.review.ui;

import java.util.Comparator;
import java.util.List;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.consilium.identity.Roles;
import org.consilium.review.SpecialistWork;
import org.consilium.review.WorkItem;
import org.consilium.shell.MainLayout;
import org.consilium.tenant.OperatorRoute;

/**
 * The signed-in specialist's or approver's open assignments across every programme,
 * soonest due first; each links to the page where its task is done.
 */
@Route(value = "work", layout = MainLayout.class)
@RolesAllowed({ Roles.SPECIALIST, Roles.APPROVER })
@OperatorRoute
class WorklistView extends Div implements HasDynamicTitle {

	WorklistView(SpecialistWork work) {
		addClassName("worklist-page");
		add(new H1(getTranslation("work.title")));
		List<WorkItem> items = work.worklist();
		Div card = new Div();
		card.addClassName("card");
		if (items.isEmpty()) {
			Paragraph empty = new Paragraph(getTranslation("work.empty"));
			empty.setId("worklist-empty");
			card.add(empty);
		}
		else {
			card.add(grid(items));
		}
		add(card);
	}

	private Grid<WorkItem> grid(List<WorkItem> items) {
		Grid<WorkItem> grid = new Grid<>();
		grid.setId("worklist");
		grid.addComponentColumn(this::link).setHeader(getTranslation("work.case")).setKey("case").setAutoWidth(true);
		grid.addColumn(WorkItem::programme)
			.setHeader(getTranslation("work.programme"))
			.setKey("programme")
			.setSortable(true);
		grid.addColumn((item) -> getTranslation("work.task." + item.task().name()))
			.setHeader(getTranslation("work.task"))
			.setKey("task");
		grid.addColumn((item) -> getTranslation("work.state." + item.state().name()))
			.setHeader(getTranslation("work.state"))
			.setKey("state");
		grid.addColumn((item) -> (item.specialty() != null) ? getTranslation("specialty." + item.specialty()) : "")
			.setHeader(getTranslation("work.specialty"));
		grid.addColumn((item) -> getTranslation("case.status." + item.status().name()))
			.setHeader(getTranslation("work.status"));
		var due = grid.addComponentColumn(this::due)
			.setHeader(getTranslation("work.due"))
			.setKey("due")
			.setComparator(Comparator.comparing(WorkItem::dueOn, Comparator.nullsLast(Comparator.naturalOrder())))
			.setSortable(true);
		grid.setItems(items);
		grid.sort(GridSortOrder.asc(due).build());
		grid.setAllRowsVisible(true);
		return grid;
	}

	private Anchor link(WorkItem item) {
		Anchor link = new Anchor(WorkLinks.of(item.key(), item.task()), item.key().reference().value());
		link.setId("open-" + item.assignmentId());
		return link;
	}

	private Span due(WorkItem item) {
		Span due = new Span(WorkLinks.date(item.dueOn(), getLocale()));
		if (item.standing() != null) {
			due.add(new Span(" "),
					WorkLinks.standing(item.standing(), getTranslation("case.standing." + item.standing().name())));
		}
		return due;
	}

	@Override
	public String getPageTitle() {
		return getTranslation("work.title");
	}

}

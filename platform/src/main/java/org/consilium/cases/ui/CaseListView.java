package org.consilium.cases.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Comparator;
import java.util.Locale;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.consilium.cases.Turnaround;
import org.consilium.cases.TurnaroundClock;
import org.consilium.cases.CaseSummary;
import org.consilium.cases.Cases;
import org.consilium.identity.CurrentUser;
import org.consilium.identity.PatientProfiles;
import org.consilium.identity.Roles;
import org.consilium.shell.MainLayout;
import org.consilium.tenant.Tenants;
import org.consilium.tenantconfig.Role;

/**
 * The cases the signed-in user may see in this programme, newest first.
 */
@Route(value = "cases", layout = MainLayout.class)
@RolesAllowed({ Roles.PATIENT, Roles.CASE_COORDINATOR, Roles.TENANT_ADMIN })
class CaseListView extends Div implements HasDynamicTitle {

	CaseListView(Cases cases, Tenants tenants, TurnaroundClock turnaround, PatientProfiles profiles) {
		ZoneId zone = tenants.current().config().branding().businessHours().timeZone();
		add(new H1(getTranslation("cases.title")));
		if (CurrentUser.find().map((user) -> user.has(Role.PATIENT)).orElse(false)) {
			String patient = CurrentUser.require().id();
			// Where the patient lands after signing in: one no longer covered by the
			// programme's census reads why here, and keeps access to their cases.
			if (profiles.find(patient).isPresent() && !profiles.eligible(patient)) {
				Paragraph notice = new Paragraph(getTranslation("cases.not-eligible"));
				notice.setId("not-eligible");
				notice.addClassName("notice");
				add(notice);
			}
			Button request = new Button(getTranslation("cases.new"), VaadinIcon.PLUS.create(),
					(event) -> event.getSource().getUI().ifPresent((ui) -> ui.navigate("cases/new")));
			request.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
			request.setId("new-case");
			add(request);
		}
		var list = cases.list();
		if (list.isEmpty()) {
			Paragraph empty = new Paragraph(getTranslation("cases.empty"));
			empty.setId("no-cases");
			add(empty);
			return;
		}
		Grid<CaseSummary> grid = new Grid<>();
		grid.setId("cases");
		grid.addColumn((c) -> c.reference().value()).setHeader(getTranslation("case.reference")).setAutoWidth(true);
		grid.addColumn((c) -> getTranslation("specialty." + c.specialty())).setHeader(getTranslation("case.specialty"));
		grid.addColumn((c) -> getTranslation("case.status." + c.status().name()))
			.setHeader(getTranslation("case.status"));
		grid.addColumn(CaseSummary::patientName).setHeader(getTranslation("case.patient"));
		grid.addComponentColumn((c) -> due(c, turnaround))
			.setKey("due")
			.setHeader(getTranslation("case.due"))
			.setComparator(Comparator.comparing(CaseSummary::dueOn, Comparator.nullsLast(Comparator.naturalOrder())))
			.setSortable(true);
		grid.addColumn((c) -> CaseFormat.dateTime(c.createdAt(), zone, getLocale()))
			.setHeader(getTranslation("case.created"));
		grid.setItems(list);
		grid.setAllRowsVisible(true);
		grid.addItemClickListener(
				(event) -> getUI().ifPresent((ui) -> ui.navigate("cases/" + event.getItem().reference().value())));
		Div card = new Div(grid);
		card.addClassName("card");
		add(card);
	}

	/** The due date, with a badge when the case is at risk or overdue. */
	private Span due(CaseSummary medicalCase, TurnaroundClock turnaround) {
		Span due = new Span();
		if (medicalCase.dueOn() == null) {
			return due;
		}
		due.add(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
			.withLocale(getLocale())
			.format(medicalCase.dueOn()));
		turnaround.standing(medicalCase)
			.filter((standing) -> standing != Turnaround.Standing.ON_TRACK)
			.ifPresent((standing) -> {
				Span badge = new Span(getTranslation("case.standing." + standing.name()));
				badge.addClassNames("standing", "standing-" + standing.name().toLowerCase(Locale.ROOT));
				badge.getElement().setAttribute("data-standing", standing.name());
				due.add(new Span(" "), badge);
			});
		return due;
	}

	@Override
	public String getPageTitle() {
		return getTranslation("cases.title");
	}

}

package org.consilium.cases.ui;

import java.time.ZoneId;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.consilium.cases.CaseSummary;
import org.consilium.cases.Cases;
import org.consilium.identity.CurrentUser;
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

	CaseListView(Cases cases, Tenants tenants) {
		ZoneId zone = tenants.current().config().branding().businessHours().timeZone();
		add(new H1(getTranslation("cases.title")));
		if (CurrentUser.find().map((user) -> user.has(Role.PATIENT)).orElse(false)) {
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

	@Override
	public String getPageTitle() {
		return getTranslation("cases.title");
	}

}

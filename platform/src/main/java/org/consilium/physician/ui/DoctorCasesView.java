package org.consilium.physician.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.consilium.identity.Roles;
import org.consilium.physician.internal.DoctorCase;
import org.consilium.physician.internal.DoctorCases;
import org.consilium.shell.MainLayout;

/**
 * The cases a referring doctor joined in this programme, newest first.
 */
@Route(value = "doctor/cases", layout = MainLayout.class)
@RolesAllowed(Roles.REFERRING_PHYSICIAN)
class DoctorCasesView extends Div implements HasDynamicTitle {

	/** The statuses in which the opinion has been published. */
	private static final java.util.Set<org.consilium.cases.CaseStatus> OPINION_OUT = java.util.EnumSet.of(
			org.consilium.cases.CaseStatus.PUBLISHED, org.consilium.cases.CaseStatus.VIEWED_BY_PHYSICIAN,
			org.consilium.cases.CaseStatus.CLOSED);

	DoctorCasesView(DoctorCases doctorCases) {
		add(new H1(getTranslation("doctor.cases.title")));
		var mine = doctorCases.mine();
		if (mine.isEmpty()) {
			Paragraph empty = new Paragraph(getTranslation("doctor.cases.empty"));
			empty.setId("no-doctor-cases");
			add(empty);
			return;
		}
		Grid<DoctorCase> grid = new Grid<>();
		grid.setId("doctor-cases");
		grid.addColumn((c) -> c.reference().value()).setHeader(getTranslation("case.reference")).setAutoWidth(true);
		grid.addColumn(DoctorCase::patientName).setHeader(getTranslation("case.patient"));
		grid.addColumn((c) -> getTranslation("case.status." + c.status().name()))
			.setHeader(getTranslation("case.status"));
		grid.addComponentColumn((c) -> {
			if (!OPINION_OUT.contains(c.status())) {
				return new com.vaadin.flow.component.html.Span();
			}
			com.vaadin.flow.component.html.Anchor opinion = new com.vaadin.flow.component.html.Anchor(
					"cases/" + c.reference().value() + "/opinion", getTranslation("doctor.cases.opinion"));
			opinion.setId("opinion-" + c.reference().value());
			return opinion;
		}).setHeader(getTranslation("doctor.cases.opinion.header"));
		grid.setItems(mine);
		grid.setAllRowsVisible(true);
		grid.addItemClickListener((event) -> getUI()
			.ifPresent((ui) -> ui.navigate("cases/" + event.getItem().reference().value() + "/doctor")));
		Div card = new Div(grid);
		card.addClassName("card");
		add(card);
	}

	@Override
	public String getPageTitle() {
		return getTranslation("doctor.cases.title");
	}

}

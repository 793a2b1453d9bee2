package org.consilium.cases.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.consilium.cases.CaseDetails;
import org.consilium.cases.CaseNotFoundException;
import org.consilium.cases.CaseReference;
import org.consilium.cases.Cases;
import org.consilium.identity.Roles;
import org.consilium.shell.MainLayout;
import org.consilium.tenant.Tenants;

/**
 * One case, by its reference. A case that is not the user's, or another tenant's, is "not
 * found" (404), exactly like one that does not exist.
 */
@Route(value = "cases/:reference", layout = MainLayout.class)
@RolesAllowed({ Roles.PATIENT, Roles.CASE_COORDINATOR, Roles.TENANT_ADMIN })
class CaseView extends Div implements BeforeEnterObserver, HasDynamicTitle {

	private final transient Cases cases;

	private final transient Tenants tenants;

	private String title = "";

	CaseView(Cases cases, Tenants tenants) {
		this.cases = cases;
		this.tenants = tenants;
	}

	@Override
	public void beforeEnter(BeforeEnterEvent event) {
		String parameter = event.getRouteParameters().get("reference").orElse("");
		CaseDetails details;
		try {
			details = CaseReference.parse(parameter)
				.map(this.cases::get)
				.orElseThrow(() -> new CaseNotFoundException(parameter));
		}
		catch (CaseNotFoundException ex) {
			event.rerouteToError(NotFoundException.class);
			return;
		}
		this.title = getTranslation("case.title", details.reference().value());
		removeAll();
		var zone = this.tenants.current().config().branding().businessHours().timeZone();
		H1 heading = new H1(getTranslation("case.title", details.reference().value()));
		heading.setId("case-reference");
		Span status = new Span(getTranslation("case.status." + details.status().name()));
		status.addClassNames("status", "closed");
		status.setId("case-status");
		Div facts = new Div(
				new Paragraph(
						getTranslation("case.specialty") + ": " + getTranslation("specialty." + details.specialty())),
				new Paragraph(getTranslation("case.patient") + ": " + details.patientName()),
				new Paragraph(getTranslation("case.created") + ": "
						+ CaseFormat.dateTime(details.createdAt(), zone, getLocale())));
		Paragraph question = new Paragraph(details.question());
		question.setId("case-question");
		Div card = new Div(status, facts, new H2(getTranslation("case.question")), question,
				new Anchor("cases", getTranslation("case.back")));
		card.addClassName("card");
		add(heading, card);
	}

	@Override
	public String getPageTitle() {
		return this.title;
	}

}

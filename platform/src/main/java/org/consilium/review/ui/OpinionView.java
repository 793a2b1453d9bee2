package org.consilium.review.ui;

import java.time.ZoneId;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.consilium.cases.CaseNotFoundException;
import org.consilium.cases.CaseReference;
import org.consilium.identity.CurrentUser;
import org.consilium.identity.Roles;
import org.consilium.review.OpinionNotAvailableException;
import org.consilium.review.PublishedOpinion;
import org.consilium.review.PublishedOpinions;
import org.consilium.shell.MainLayout;
import org.consilium.tenant.Tenants;
import org.consilium.tenantconfig.Role;

/**
 * The published opinion on the programme's site, for the case's doctor, its patient and
 * coordinators, with its PDF. Opening it here is what counts as the doctor's first
 * opening. A patient whose opinion goes to the doctor first sees that it is not there
 * yet.
 */
@Route(value = "cases/:reference/opinion", layout = MainLayout.class)
@RolesAllowed({ Roles.REFERRING_PHYSICIAN, Roles.PATIENT, Roles.CASE_COORDINATOR, Roles.TENANT_ADMIN })
class OpinionView extends Div implements BeforeEnterObserver, HasDynamicTitle {

	private final transient PublishedOpinions opinions;

	private final ZoneId zone;

	private String title = "";

	OpinionView(PublishedOpinions opinions, Tenants tenants) {
		this.opinions = opinions;
		this.zone = tenants.current().config().branding().businessHours().timeZone();
		addClassName("opinion-page");
	}

	@Override
	public void beforeEnter(BeforeEnterEvent event) {
		String parameter = event.getRouteParameters().get("reference").orElse("");
		removeAll();
		try {
			CaseReference reference = CaseReference.parse(parameter)
				.orElseThrow(() -> new CaseNotFoundException(parameter));
			this.title = getTranslation("opinion.title", reference.value());
			show(this.opinions.open(reference));
		}
		catch (CaseNotFoundException ex) {
			event.rerouteToError(NotFoundException.class);
		}
		catch (OpinionNotAvailableException ex) {
			Div card = new Div(new H2(getTranslation("opinion.not-yet.title")),
					new Paragraph(getTranslation("opinion.not-yet.text")));
			card.addClassName("card");
			card.setId("opinion-not-yet");
			add(new H1(this.title), card, back(parameter));
		}
	}

	private void show(PublishedOpinion opinion) {
		String base = "cases/" + opinion.reference().value();
		H1 heading = new H1(this.title);
		heading.setId("opinion-heading");
		Anchor pdf = new Anchor(base + "/opinion.pdf?lang=" + getLocale().getLanguage(),
				getTranslation("opinion.download"));
		pdf.setRouterIgnore(true);
		pdf.getElement().setAttribute("download", true);
		pdf.setId("opinion-pdf");
		Div facts = new Div(
				new Paragraph(getTranslation("opinion.specialty", getTranslation("specialty." + opinion.specialty()))),
				new Paragraph(getTranslation("opinion.specialist", opinion.specialistName())),
				new Paragraph(
						getTranslation("opinion.approved", Dates.date(opinion.approvedAt(), this.zone, getLocale()))),
				pdf);
		facts.addClassName("card");
		facts.setId("opinion-facts");
		Div sections = new Div(new OpinionSections(opinion.content()));
		sections.addClassName("card");
		sections.setId("opinion");
		add(heading, facts, sections);
		if (!opinion.rereads().isEmpty()) {
			Div rereads = new Div(new H2(getTranslation("opinion.section.rereads")),
					new RereadReports(opinion.rereads(), this.zone, false));
			rereads.addClassName("card");
			rereads.setId("opinion-rereads");
			add(rereads);
		}
		add(back(opinion.reference().value()));
	}

	/** To the doctor's case list, or the patient's (and staff's) case page. */
	private Anchor back(String reference) {
		boolean doctor = CurrentUser.find().map((user) -> user.has(Role.REFERRING_PHYSICIAN)).orElse(false);
		Anchor back = doctor ? new Anchor("doctor/cases", getTranslation("opinion.back-doctor"))
				: new Anchor("cases/" + reference, getTranslation("opinion.back"));
		back.setId("opinion-back");
		return back;
	}

	@Override
	public String getPageTitle() {
		return this.title;
	}

}

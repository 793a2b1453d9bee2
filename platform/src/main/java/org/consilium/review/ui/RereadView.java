package org.consilium.review.ui;

import java.time.ZoneId;
import java.util.Optional;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.consilium.cases.AssignmentNotFoundException;
import org.consilium.cases.CaseNotFoundException;
import org.consilium.cases.CaseReference;
import org.consilium.identity.Roles;
import org.consilium.review.CaseKey;
import org.consilium.review.Reread;
import org.consilium.review.RereadDesk;
import org.consilium.review.Rereads;
import org.consilium.shell.MainLayout;
import org.consilium.tenant.OperatorRoute;
import org.consilium.tenant.TenantId;
import org.consilium.tenant.Tenants;

/**
 * The radiologist's or pathologist's page for their re-reads of a case
 * ({@code reread/acme/C-7KQ2-M9XD}): what the case asks, each open re-read with the
 * requester's note, accept or decline, the structured report, and the case's records.
 * Anyone without an open re-read of the case finds nothing here (404).
 */
@Route(value = "reread/:tenant/:reference", layout = MainLayout.class)
@RolesAllowed(Roles.SPECIALIST)
@OperatorRoute
class RereadView extends Div implements BeforeEnterObserver, HasDynamicTitle, RereadTaskCard.Actions {

	private final transient Rereads rereads;

	private final transient Tenants tenants;

	private CaseKey key;

	private String title = "";

	RereadView(Rereads rereads, Tenants tenants) {
		this.rereads = rereads;
		this.tenants = tenants;
		addClassName("reread-page");
	}

	@Override
	public void beforeEnter(BeforeEnterEvent event) {
		this.key = key(event).orElse(null);
		if (this.key == null || !show()) {
			event.rerouteToError(NotFoundException.class);
		}
	}

	/**
	 * @return whether the caller has re-reads of the case to do
	 */
	private boolean show() {
		RereadDesk desk;
		try {
			desk = this.rereads.desk(this.key);
		}
		catch (CaseNotFoundException ex) {
			return false;
		}
		removeAll();
		this.title = getTranslation("reread.title", this.key.reference().value());
		H1 heading = new H1(this.title);
		heading.setId("reread-heading");
		add(heading, caseCard(desk));
		ZoneId zone = this.tenants.find(this.key.tenant())
			.map((tenant) -> tenant.config().branding().businessHours().timeZone())
			.orElse(ZoneId.of("UTC"));
		desk.rereads().forEach((reread) -> add(new RereadTaskCard(reread, zone, this)));
		add(new RecordLinks(this.key, desk.records(), zone));
		return true;
	}

	private Div caseCard(RereadDesk desk) {
		Span label = new Span(getTranslation("reread.case.specialty") + ": ");
		label.addClassName("summary-label");
		String specialty = (desk.specialty() != null) ? getTranslation("specialty." + desk.specialty()) : "";
		OrderedList questions = new OrderedList();
		questions.setId("reread-questions");
		desk.questions().forEach((question) -> questions.add(new ListItem(question)));
		Div card = new Div(new H2(getTranslation("reread.case")), new Paragraph(label, new Span(specialty)),
				new Paragraph(getTranslation("reread.case.questions")), questions);
		card.addClassNames("card", "case-facts");
		card.setId("reread-case");
		return card;
	}

	@Override
	public void accept(Reread reread) {
		act(() -> {
			this.rereads.accept(this.key, reread.id());
			RereadProblems.success(this, "reread.accepted");
			show();
		});
	}

	@Override
	public void decline(Reread reread) {
		new RereadReasonDialog("reread.decline.title", "reread.decline.reason", "reread.decline", (reason) -> {
			act(() -> {
				this.rereads.decline(this.key, reread.id(), reason);
				RereadProblems.success(this, "reread.declined");
				toWorklist();
			});
		}).open();
	}

	@Override
	public void report(Reread reread, Reread.Report report) {
		act(() -> {
			this.rereads.report(this.key, reread.id(), report.findings(), report.impression(), report.concordance());
			RereadProblems.success(this, "reread.report.submitted");
			toWorklist();
		});
	}

	/**
	 * The re-read was taken away meanwhile (reassigned, cancelled): back to the worklist.
	 * Problems with what was typed pass on to the form that shows them.
	 */
	private void act(Runnable action) {
		try {
			action.run();
		}
		catch (AssignmentNotFoundException | CaseNotFoundException ex) {
			RereadProblems.error(this, "reread.error.closed");
			toWorklist();
		}
	}

	private void toWorklist() {
		getUI().ifPresent((ui) -> ui.navigate("work"));
	}

	private static Optional<CaseKey> key(BeforeEnterEvent event) {
		try {
			TenantId tenant = TenantId.of(event.getRouteParameters().get("tenant").orElse(""));
			return CaseReference.parse(event.getRouteParameters().get("reference").orElse(""))
				.map((reference) -> new CaseKey(tenant, reference));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	@Override
	public String getPageTitle() {
		return this.title;
	}

}

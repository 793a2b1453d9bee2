package org.consilium.review.ui;

import java.time.ZoneId;
import java.util.Optional;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.consilium.cases.CaseNotFoundException;
import org.consilium.cases.CaseReference;
import org.consilium.identity.Roles;
import org.consilium.review.ApprovalFile;
import org.consilium.review.Approvals;
import org.consilium.review.CaseKey;
import org.consilium.shell.MainLayout;
import org.consilium.tenant.OperatorRoute;
import org.consilium.tenant.Tenant;
import org.consilium.tenant.TenantId;
import org.consilium.tenant.Tenants;

/**
 * The approver's or second reader's page for one case's opinion: the request, the version
 * to review, every version with its reviews, the re-reads' reports and what is still
 * pending; the decision form for whoever holds the approval or the second read.
 */
@Route(value = "approval/:tenant/:reference", layout = MainLayout.class)
@RolesAllowed({ Roles.APPROVER, Roles.SPECIALIST })
@OperatorRoute
class ApprovalView extends Div implements BeforeEnterObserver, HasDynamicTitle {

	private final transient Approvals approvals;

	private final transient Tenants tenants;

	private String title = "";

	ApprovalView(Approvals approvals, Tenants tenants) {
		this.approvals = approvals;
		this.tenants = tenants;
		addClassName("approval-page");
	}

	@Override
	public void beforeEnter(BeforeEnterEvent event) {
		Optional<CaseKey> key = key(event);
		Optional<Tenant> tenant = key.flatMap((k) -> this.tenants.find(k.tenant()));
		ApprovalFile file;
		try {
			file = key.filter((k) -> tenant.isPresent())
				.map(this.approvals::file)
				.orElseThrow(() -> new CaseNotFoundException(event.getLocation().getPath()));
		}
		catch (CaseNotFoundException ex) {
			event.rerouteToError(NotFoundException.class);
			return;
		}
		ZoneId zone = tenant.get().config().branding().businessHours().timeZone();
		this.title = getTranslation("approval.title", file.key().reference().value());
		removeAll();
		H1 heading = new H1(this.title);
		heading.setId("approval-heading");
		add(heading, facts(file, tenant.get()), pending(file));
		add(new ReviewedVersions(file, zone));
		if (!file.rereads().isEmpty()) {
			Div rereads = new Div(new H2(getTranslation("approval.rereads.title")),
					new RereadReports(file.rereads(), zone, true));
			rereads.addClassName("card");
			rereads.setId("rereads");
			add(rereads);
		}
		add(new DecisionForm(this.approvals, file));
	}

	private Div facts(ApprovalFile file, Tenant tenant) {
		Div facts = new Div(fact("approval.programme", tenant.config().displayName()),
				fact("approval.specialty", getTranslation("specialty." + file.specialty())),
				fact("approval.status", getTranslation("case.status." + file.status().name())),
				fact("approval.mode", getTranslation("approval.mode." + file.mode().name())));
		UnorderedList questions = new UnorderedList();
		file.questions().forEach((question) -> questions.add(new ListItem(question)));
		facts.add(OpinionSections.label(getTranslation("approval.questions")), questions);
		facts.addClassName("card");
		facts.setId("approval-facts");
		return facts;
	}

	private Div pending(ApprovalFile file) {
		Div card = new Div(new H2(getTranslation("approval.pending.title")));
		if (file.pending().isEmpty()) {
			card.add(new Paragraph(getTranslation("approval.pending.none")));
		}
		else {
			UnorderedList items = new UnorderedList();
			file.pending().forEach((key) -> items.add(new ListItem(getTranslation(key))));
			card.add(items);
		}
		card.addClassName("card");
		card.setId("pending");
		return card;
	}

	private Paragraph fact(String labelKey, String value) {
		return new Paragraph(OpinionSections.label(getTranslation(labelKey) + ": "), new Span(value));
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

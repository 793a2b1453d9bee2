package org.consilium.review.ui;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import org.consilium.cases.Assignment;
import org.consilium.cases.CaseNotFoundException;
import org.consilium.cases.CaseReference;
import org.consilium.cases.CaseStatus;
import org.consilium.identity.Roles;
import org.consilium.review.CaseFile;
import org.consilium.review.CaseKey;
import org.consilium.review.OpinionVersion;
import org.consilium.review.ReviewProblems;
import org.consilium.review.SpecialistWork;
import org.consilium.shell.MainLayout;
import org.consilium.tenant.OperatorRoute;
import org.consilium.tenant.Tenant;
import org.consilium.tenant.TenantId;
import org.consilium.tenant.Tenants;

/**
 * One case assigned to the specialist: accept or decline it, read its file and write the
 * opinion. A case not assigned to them is "not found" (404), exactly like one that does
 * not exist.
 */
@Route(value = "work/:tenant/:reference", layout = MainLayout.class)
@RolesAllowed(Roles.SPECIALIST)
@OperatorRoute
class CaseWorkspaceView extends Div implements BeforeEnterObserver, HasDynamicTitle {

	/**
	 * Where a review may still be handed back (the state machine's rule for declining).
	 */
	private static final java.util.Set<CaseStatus> DECLINABLE = java.util.EnumSet.of(CaseStatus.ASSIGNED,
			CaseStatus.IN_REVIEW, CaseStatus.RETURNED);

	private final transient SpecialistWork work;

	private final transient Tenants tenants;

	private CaseKey key;

	private String title = "";

	private final transient org.consilium.review.Rereads rereads;

	CaseWorkspaceView(SpecialistWork work, Tenants tenants, org.consilium.review.Rereads rereads) {
		this.rereads = rereads;
		this.work = work;
		this.tenants = tenants;
		addClassName("workspace-page");
	}

	@Override
	public void beforeEnter(BeforeEnterEvent event) {
		try {
			this.key = key(event.getRouteParameters());
			show(this.work.caseFile(this.key));
		}
		catch (CaseNotFoundException ex) {
			event.rerouteToError(NotFoundException.class);
		}
	}

	private static CaseKey key(RouteParameters parameters) {
		String tenant = parameters.get("tenant").orElse("");
		String reference = parameters.get("reference").orElse("");
		try {
			return new CaseKey(TenantId.of(tenant),
					CaseReference.parse(reference).orElseThrow(() -> new CaseNotFoundException(reference)));
		}
		catch (IllegalArgumentException ex) {
			throw new CaseNotFoundException(tenant + "/" + reference);
		}
	}

	private void reload() {
		show(this.work.caseFile(this.key));
	}

	private void show(CaseFile file) {
		removeAll();
		this.title = getTranslation("work.case.title", file.key().reference().value());
		Optional<Tenant> programme = this.tenants.find(file.key().tenant());
		ZoneId zone = programme.map((t) -> t.config().branding().businessHours().timeZone()).orElse(ZoneOffset.UTC);
		add(new WorkspaceHeader(file, this.title));
		Optional<Assignment> review = file.assignment(Assignment.Task.REVIEW);
		review.ifPresent((assignment) -> add(assignmentCard(file, assignment)));
		if (file.details().status() == CaseStatus.RETURNED) {
			this.work.lastReview(this.key).ifPresent((note) -> add(new ReturnedNote(note, zone)));
		}
		if (review.filter((a) -> a.state() == Assignment.State.ACCEPTED).isPresent()) {
			List<OpinionVersion> versions = this.work.versions(this.key);
			Optional<OpinionVersion> latest = versions.isEmpty() ? Optional.empty()
					: Optional.of(versions.get(versions.size() - 1));
			boolean editable = file.details().status() == CaseStatus.IN_REVIEW
					|| file.details().status() == CaseStatus.RETURNED;
			add(new OpinionEditor(this.work, this.key, file.questions(), latest, editable, zone, this::reload));
			if (versions.size() > 1 || latest.filter((v) -> v.state() != OpinionVersion.State.DRAFT).isPresent()) {
				add(new OpinionHistory(versions, zone));
			}
			if (editable) {
				add(new RereadsPanel(this.rereads, this.key, false, zone));
			}
		}
		programme.ifPresent((t) -> add(new CaseFileSections(file, t.config(), zone)));
		add(new RecordLinks(file, zone), new Anchor("work", getTranslation("work.back")));
	}

	private Div assignmentCard(CaseFile file, Assignment review) {
		Div card = new Div(new H2(getTranslation("work.assignment.title")));
		card.addClassName("card");
		card.setId("assignment");
		boolean accepted = review.state() == Assignment.State.ACCEPTED;
		card.add(new Paragraph(accepted ? getTranslation("work.assignment.accepted")
				: getTranslation("work.assignment.assigned", review.assignedBy(), review.reason())));
		Div actions = new Div();
		if (!accepted) {
			Button accept = new Button(getTranslation("work.accept"), (event) -> accept());
			accept.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
			accept.setId("accept");
			actions.add(accept);
		}
		if (DECLINABLE.contains(file.details().status())) {
			Button decline = new Button(getTranslation("work.decline"),
					(event) -> new DeclineDialog(this::decline).open());
			decline.setId("decline");
			actions.add(decline);
		}
		card.add(actions);
		return card;
	}

	private void accept() {
		try {
			this.work.accept(this.key, Assignment.Task.REVIEW);
			Notification.show(getTranslation("work.accepted")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
			reload();
		}
		catch (ReviewProblems ex) {
			Notification.show(getTranslation(ex.problems().values().iterator().next().get(0)))
				.addThemeVariants(NotificationVariant.LUMO_ERROR);
		}
	}

	private void decline(String reason) {
		this.work.decline(this.key, Assignment.Task.REVIEW, reason);
		Notification.show(getTranslation("work.declined", this.key.reference().value()))
			.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
		getUI().ifPresent((ui) -> ui.navigate("work"));
	}

	@Override
	public String getPageTitle() {
		return this.title;
	}

}

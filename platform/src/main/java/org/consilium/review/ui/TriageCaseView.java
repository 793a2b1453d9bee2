package org.consilium.review.ui;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.consilium.cases.Assignment;
import org.consilium.cases.CaseNotFoundException;
import org.consilium.cases.CaseReference;
import org.consilium.cases.CaseStatus;
import org.consilium.cases.IllegalCaseTransitionException;
import org.consilium.identity.Roles;
import org.consilium.review.CaseKey;
import org.consilium.review.ReviewProblems;
import org.consilium.review.Triage;
import org.consilium.review.Triage.TriageCase;
import org.consilium.shell.MainLayout;
import org.consilium.specialists.Ranking;
import org.consilium.tenant.OperatorRoute;
import org.consilium.tenant.TenantId;

/**
 * One case as triage sees it: what is asked, who holds it, and the ranked specialists
 * with the reason for every point; assign (with a reason), reassign, hold for missing
 * records, or mark the records complete.
 */
@Route(value = "triage/:tenant/:reference", layout = MainLayout.class)
@RolesAllowed(Roles.TRIAGE)
@OperatorRoute
class TriageCaseView extends Div implements BeforeEnterObserver, HasDynamicTitle {

	/**
	 * Where re-reads can still be asked for: from triage until the opinion is approved.
	 */
	private static final java.util.Set<CaseStatus> REREADS_OPEN = java.util.EnumSet.of(CaseStatus.READY_FOR_TRIAGE,
			CaseStatus.ASSIGNED, CaseStatus.IN_REVIEW, CaseStatus.RETURNED, CaseStatus.OPINION_SUBMITTED);

	private final transient Triage triage;

	private CaseKey key;

	private String title = "";

	private final transient org.consilium.review.Rereads rereads;

	private final transient org.consilium.tenant.Tenants tenants;

	TriageCaseView(Triage triage, org.consilium.review.Rereads rereads, org.consilium.tenant.Tenants tenants) {
		this.triage = triage;
		this.rereads = rereads;
		this.tenants = tenants;
		addClassName("triage-case-page");
	}

	@Override
	public void beforeEnter(BeforeEnterEvent event) {
		try {
			TenantId tenant = TenantId.of(event.getRouteParameters().get("tenant").orElse(""));
			String reference = event.getRouteParameters().get("reference").orElse("");
			this.key = new CaseKey(tenant,
					CaseReference.parse(reference).orElseThrow(() -> new CaseNotFoundException(reference)));
			render(this.triage.open(this.key));
		}
		catch (CaseNotFoundException | IllegalArgumentException ex) {
			event.rerouteToError(NotFoundException.class);
		}
	}

	private void render(TriageCase triageCase) {
		removeAll();
		var details = triageCase.details();
		this.title = getTranslation("triage.case.title", details.reference().value());
		add(new H1(this.title));
		Div facts = new Div();
		facts.addClassName("card");
		facts.add(fact("triage.programme", triageCase.programme()),
				fact("triage.status", getTranslation("case.status." + details.status().name())),
				fact("triage.specialty", getTranslation("specialty." + details.specialty())));
		if (details.dueOn() != null) {
			Paragraph due = fact("triage.due",
					DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
						.withLocale(getLocale())
						.format(details.dueOn()));
			triageCase.standing().ifPresent((standing) -> {
				Span badge = new Span(getTranslation("case.standing." + standing.name()));
				badge.addClassNames("standing", "standing-" + standing.name().toLowerCase(Locale.ROOT));
				badge.getElement().setAttribute("data-standing", standing.name());
				due.add(new Span(" "), badge);
			});
			facts.add(due);
		}
		facts.add(fact("triage.language", orDash(triageCase.patientLanguage())),
				fact("triage.location", orDash(triageCase.patientLocation())),
				fact("triage.requested", orDash(triageCase.requestedSpecialist())));
		UnorderedList questions = new UnorderedList();
		questions.setId("triage-questions");
		details.request().questions().forEach((question) -> questions.add(new ListItem(question)));
		facts.add(new H2(getTranslation("triage.questions")), questions);
		add(facts);
		add(assignments(triageCase));
		if (!triageCase.suggestions().isEmpty()) {
			add(suggestions(triageCase));
		}
		if (REREADS_OPEN.contains(details.status())) {
			java.time.ZoneId zone = this.tenants.find(this.key.tenant())
				.map((t) -> t.config().branding().businessHours().timeZone())
				.orElse(java.time.ZoneOffset.UTC);
			add(new RereadsPanel(this.rereads, this.key, true, zone));
		}
		add(actions(details.status()));
	}

	private Div assignments(TriageCase triageCase) {
		Div card = new Div(new H2(getTranslation("triage.assignments")));
		card.addClassName("card");
		card.setId("triage-assignments");
		if (triageCase.assignments().isEmpty()) {
			card.add(new Paragraph(getTranslation("triage.assignments.none")));
			return card;
		}
		UnorderedList list = new UnorderedList();
		for (Assignment assignment : triageCase.assignments()) {
			ListItem item = new ListItem(getTranslation("triage.assignment",
					getTranslation("assignment.task." + assignment.task().name()), assignment.actorName(),
					getTranslation("assignment.state." + assignment.state().name()), assignment.reason()));
			if (assignment.endReason() != null) {
				item.add(new Span(" — " + assignment.endReason()));
			}
			item.getElement().setAttribute("data-state", assignment.state().name());
			list.add(item);
		}
		card.add(list);
		return card;
	}

	private Div suggestions(TriageCase triageCase) {
		Div card = new Div(new H2(getTranslation("triage.suggestions")),
				new Paragraph(getTranslation("triage.suggestions.intro")));
		card.addClassName("card");
		card.setId("triage-suggestions");
		String current = triageCase.openReview().map(Assignment::specialistId).orElse(null);
		for (Ranking.Suggestion suggestion : triageCase.suggestions()) {
			Div row = new Div();
			row.addClassName("suggestion");
			row.getElement().setAttribute("data-specialist", suggestion.specialistId());
			Span name = new Span(suggestion.displayName());
			name.addClassName("suggestion-name");
			Span score = new Span(getTranslation("triage.score", suggestion.score()));
			score.addClassName("suggestion-score");
			UnorderedList reasons = new UnorderedList();
			reasons.addClassName("suggestion-reasons");
			for (Ranking.Reason reason : suggestion.reasons()) {
				ListItem because = new ListItem(
						getTranslation("ranking.reason." + reason.key()) + " (+" + reason.points() + ")");
				because.getElement().setAttribute("data-reason", reason.key());
				reasons.add(because);
			}
			row.add(name, score, reasons);
			if (suggestion.specialistId().equals(current)) {
				row.add(new Span(getTranslation("triage.current")));
			}
			else {
				Button assign = new Button(getTranslation((current == null) ? "triage.assign" : "triage.reassign"),
						(event) -> new ReasonDialog(getTranslation("triage.assign.title", suggestion.displayName()),
								getTranslation("triage.assign.reason"), (reason) -> {
									this.triage.assign(this.key, suggestion.specialistId(), reason);
									done("triage.assigned");
								})
							.open());
				assign.setId("assign-" + suggestion.specialistId());
				row.add(assign);
			}
			card.add(row);
		}
		return card;
	}

	private Div actions(CaseStatus status) {
		Div card = new Div(new H2(getTranslation("triage.actions")));
		card.addClassName("card");
		if (Triage.Lane.WAITING.statuses().contains(status)) {
			Button ready = new Button(getTranslation("triage.ready"), (event) -> act(() -> {
				this.triage.markReady(this.key);
				refresh("triage.made-ready");
			}));
			ready.setId("mark-ready");
			ready.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
			card.add(ready);
		}
		if (status != CaseStatus.ON_HOLD && status.isOpen()) {
			Button hold = new Button(getTranslation("triage.hold"),
					(event) -> new ReasonDialog(getTranslation("triage.hold.title"), getTranslation("triage.hold.note"),
							(note) -> {
								this.triage.hold(this.key, note);
								done("triage.held");
							})
						.open());
			hold.setId("hold");
			card.add(hold);
		}
		return card;
	}

	private void act(Runnable action) {
		try {
			action.run();
		}
		catch (IllegalCaseTransitionException ex) {
			Notification.show(getTranslation("triage.refused", getTranslation("case.status." + ex.from().name())));
		}
		catch (ReviewProblems ex) {
			Notification.show(getTranslation(ex.problems().values().iterator().next().get(0)));
		}
	}

	private void done(String messageKey) {
		Notification.show(getTranslation(messageKey));
		getUI().ifPresent((ui) -> ui.navigate("triage"));
	}

	private void refresh(String messageKey) {
		Notification.show(getTranslation(messageKey));
		render(this.triage.open(this.key));
	}

	private Paragraph fact(String labelKey, String value) {
		Paragraph fact = new Paragraph(getTranslation(labelKey) + ": " + value);
		fact.addClassName("fact");
		return fact;
	}

	private static String orDash(String value) {
		return (value != null && !value.isBlank()) ? value : "—";
	}

	@Override
	public String getPageTitle() {
		return this.title;
	}

}

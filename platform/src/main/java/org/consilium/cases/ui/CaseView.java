package org.consilium.cases.ui;

import java.time.ZoneId;
import java.util.Optional;

import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
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
import org.consilium.cases.InvalidCaseException;
import org.consilium.cases.CaseDetails;
import org.consilium.cases.DoctorProgress;
import org.consilium.cases.TurnaroundClock;
import org.consilium.cases.CaseNotFoundException;
import org.consilium.cases.CaseReference;
import org.consilium.cases.CaseStatus;
import org.consilium.cases.Cases;
import org.consilium.identity.CurrentUser;
import org.consilium.identity.Roles;
import org.consilium.shell.MainLayout;
import org.consilium.specialists.SpecialistDirectory;
import org.consilium.tenant.Tenants;
import org.consilium.tenantconfig.Role;
import org.consilium.tenantconfig.TenantConfig;
import org.consilium.tenantconfig.Workflow;

/**
 * One case, by its reference: where it is, what to do next, what was asked, and its
 * timeline. A case that is not the user's, or another tenant's, is "not found" (404),
 * exactly like one that does not exist.
 */
@Route(value = "cases/:reference", layout = MainLayout.class)
@RolesAllowed({ Roles.PATIENT, Roles.CASE_COORDINATOR, Roles.TENANT_ADMIN })
class CaseView extends Div implements BeforeEnterObserver, HasDynamicTitle {

	/** The statuses in which the opinion has been published. */
	private static final java.util.Set<CaseStatus> OPINION_OUT = java.util.EnumSet.of(CaseStatus.PUBLISHED,
			CaseStatus.VIEWED_BY_PHYSICIAN, CaseStatus.CLOSED);

	private final transient TurnaroundClock turnaround;

	private final transient Cases cases;

	private final transient SpecialistDirectory specialists;

	private final transient TenantConfig tenant;

	private String title = "";

	CaseView(Cases cases, SpecialistDirectory specialists, Tenants tenants, TurnaroundClock turnaround) {
		this.turnaround = turnaround;
		this.cases = cases;
		this.specialists = specialists;
		this.tenant = tenants.current().config();
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
		ZoneId zone = this.tenant.branding().businessHours().timeZone();
		H1 heading = new H1(this.title);
		heading.setId("case-reference");
		Span status = new Span(getTranslation("case.status." + details.status().name()));
		status.addClassNames("status", details.status().isOpen() ? "open" : "closed");
		status.setId("case-status");
		Div facts = new Div(status,
				fact("case.specialty",
						(details.specialty() != null) ? getTranslation("specialty." + details.specialty()) : ""),
				fact("case.patient", details.patientName()),
				fact("case.created", CaseFormat.dateTime(details.createdAt(), zone, getLocale())));
		if (details.submittedAt() != null) {
			facts.add(fact("case.submitted", CaseFormat.dateTime(details.submittedAt(), zone, getLocale())));
		}
		if (details.dueOn() != null) {
			Paragraph due = fact("case.due",
					java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.MEDIUM)
						.withLocale(getLocale())
						.format(details.dueOn()));
			due.setId("case-due");
			this.turnaround.standing(details).ifPresent((standing) -> {
				Span badge = new Span(getTranslation("case.standing." + standing.name()));
				badge.addClassNames("standing", "standing-" + standing.name().toLowerCase(java.util.Locale.ROOT));
				badge.getElement().setAttribute("data-standing", standing.name());
				badge.setId("case-standing");
				due.add(new Span(" "), badge);
			});
			facts.add(due);
		}
		facts.addClassNames("card", "case-facts");
		boolean patient = CurrentUser.find().map((user) -> user.has(Role.PATIENT)).orElse(false);
		if (patient && this.tenant.billing().payer().patientPays() && details.status() != CaseStatus.DRAFT) {
			// The billing module's page: card, a payment that needs the patient,
			// receipts.
			Anchor payment = new Anchor("cases/" + details.reference().value() + "/payment",
					getTranslation("payment.link"));
			payment.setId("payment-link");
			facts.add(new Paragraph(payment));
		}
		add(heading, facts);
		if (OPINION_OUT.contains(details.status())) {
			add(opinionCard(details));
		}
		if (details.status() == CaseStatus.DRAFT) {
			add(draft(details, patient));
		}
		else {
			add(nextSteps(details));
		}
		boolean coordinator = CurrentUser.find().map((user) -> user.has(Role.CASE_COORDINATOR)).orElse(false);
		if (coordinator && details.status() != CaseStatus.DRAFT && details.status().isOpen()) {
			add(statusUpdateForm(details));
		}
		Div request = new Div(new H2(getTranslation("case.request")),
				new RequestSummary(details.request(), this.tenant,
						Optional.ofNullable(details.request().requestedSpecialist())
							.flatMap((id) -> this.specialists.find(id, this.tenant.workflow().specialistPools())),
						null));
		request.addClassName("card");
		Div timeline = new Div(new H2(getTranslation("case.timeline")),
				new TimelineList(this.cases.timeline(details.id()), zone));
		timeline.addClassName("card");
		add(request, timeline, new Anchor("cases", getTranslation("case.back")));
	}

	/** The published opinion, on its own page (review module). */
	private Div opinionCard(CaseDetails details) {
		Anchor open = new Anchor("cases/" + details.reference().value() + "/opinion", getTranslation("opinion.link"));
		open.setId("opinion-link");
		Div card = new Div(new H2(getTranslation("opinion.link.title")), open);
		card.addClassName("card");
		card.setId("opinion-card");
		return card;
	}

	/**
	 * Coordinators tell the patient where the case is; it goes on the timeline and by
	 * e-mail.
	 */
	private Div statusUpdateForm(CaseDetails details) {
		TextArea text = new TextArea(getTranslation("case.update.label"));
		text.setId("status-update");
		text.setHelperText(getTranslation("case.update.help"));
		text.setMaxLength(1000);
		text.setWidthFull();
		text.setManualValidation(true);
		Button post = new Button(getTranslation("case.update.post"), (event) -> {
			try {
				this.cases.postStatusUpdate(details.id(), text.getValue());
				text.setInvalid(false);
				text.clear();
				Notification.show(getTranslation("case.update.posted"))
					.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
				getUI().ifPresent((ui) -> ui.getPage().reload());
			}
			catch (InvalidCaseException ex) {
				text.setInvalid(true);
				text.setErrorMessage(getTranslation(ex.messageKey()));
			}
		});
		post.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		post.setId("post-update");
		Div card = new Div(new H2(getTranslation("case.update.title")), text, post);
		card.addClassName("card");
		card.setId("status-update-card");
		return card;
	}

	private Div draft(CaseDetails details, boolean patient) {
		Div card = new Div(new H2(getTranslation("case.draft.title")),
				new Paragraph(getTranslation(patient ? "case.draft.text" : "case.draft.text-staff")));
		if (patient) {
			Button resume = new Button(getTranslation("case.draft.continue"), (event) -> getUI()
				.ifPresent((ui) -> ui.navigate("cases/" + details.reference().value() + "/request")));
			resume.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
			resume.setId("continue-request");
			card.add(resume);
		}
		card.addClassName("card");
		card.setId("draft-note");
		return card;
	}

	/**
	 * Where the patient and their doctor add to the case. Where the programme skips the
	 * local doctor, the doctor's part does not appear at all.
	 */
	private Div nextSteps(CaseDetails details) {
		String base = "cases/" + details.reference().value();
		Div card = new Div(new H2(getTranslation("case.next.title")));
		card.addClassName("card");
		card.setId("next-steps");
		if (this.tenant.workflow().doctorParticipation() != Workflow.DoctorParticipation.SKIPPED) {
			Anchor doctor = new Anchor(base + "/doctor", getTranslation("case.next.doctor"));
			doctor.setId("doctor-link");
			Paragraph text = new Paragraph(getTranslation(
					(this.tenant.workflow().doctorParticipation() == Workflow.DoctorParticipation.REQUIRED)
							? "case.next.doctor.required" : "case.next.doctor.optional"));
			Div step = new Div(doctor);
			if (details.doctor().stage() == DoctorProgress.Stage.NOT_INVITED) {
				// What to do, until the patient has done it; then only where the doctor
				// is.
				step.add(text);
			}
			step.add(doctorProgress(details.doctor()));
			step.addClassName("next-step");
			card.add(step);
		}
		Anchor records = new Anchor(base + "/records", getTranslation("case.next.records"));
		records.setId("records-link");
		Div recordsStep = new Div(records, new Paragraph(getTranslation("case.next.records.text")));
		recordsStep.addClassName("next-step");
		card.add(recordsStep);
		if (this.tenant.workflow().recordsRetrievalPartner()) {
			Anchor retrieval = new Anchor(base + "/retrieval", getTranslation("case.next.retrieval"));
			retrieval.setId("retrieval-link");
			Div retrievalStep = new Div(retrieval, new Paragraph(getTranslation("case.next.retrieval.text")));
			retrievalStep.addClassName("next-step");
			card.add(retrievalStep);
		}
		return card;
	}

	/** Invited, joined, done: where the doctor is in their part. */
	private Span doctorProgress(DoctorProgress progress) {
		Span stage = new Span(switch (progress.stage()) {
			case NOT_INVITED -> getTranslation("case.doctor.not-invited");
			case INVITED -> getTranslation("case.doctor.invited", progress.invitedName(),
					CaseFormat.dateTime(progress.invitedAt(), zone(), getLocale()));
			case JOINED -> getTranslation("case.doctor.joined");
			case COMPLETED -> getTranslation("case.doctor.completed",
					CaseFormat.dateTime(progress.completedAt(), zone(), getLocale()));
		});
		stage.setId("doctor-progress");
		stage.getElement().setAttribute("data-stage", progress.stage().name());
		stage.addClassNames("doctor-progress",
				"doctor-progress-" + progress.stage().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
		return stage;
	}

	private ZoneId zone() {
		return this.tenant.branding().businessHours().timeZone();
	}

	private Paragraph fact(String labelKey, String value) {
		Span label = new Span(getTranslation(labelKey) + ": ");
		label.addClassName("summary-label");
		return new Paragraph(label, new Span(value));
	}

	@Override
	public String getPageTitle() {
		return this.title;
	}

}

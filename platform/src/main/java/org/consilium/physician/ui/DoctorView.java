package org.consilium.physician.ui;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.consilium.identity.Roles;
import org.consilium.physician.internal.DoctorCase;
import org.consilium.physician.internal.DoctorCases;
import org.consilium.physician.internal.DoctorStatus;
import org.consilium.physician.internal.InvitationService;
import org.consilium.physician.internal.PhysicianProperties;
import org.consilium.shell.MainLayout;
import org.consilium.tenant.Tenants;

/**
 * The local doctor's part of a case. The patient sees whether the doctor was invited,
 * registered and completed their part, and invites them (again); the doctor finds the
 * letter and their form. Where the programme skips the doctor this page does not exist.
 */
@Route(value = "cases/:reference/doctor", layout = MainLayout.class)
@RolesAllowed({ Roles.PATIENT, Roles.REFERRING_PHYSICIAN, Roles.CASE_COORDINATOR, Roles.TENANT_ADMIN })
class DoctorView extends Div implements BeforeEnterObserver, HasDynamicTitle {

	/** Where the opinion has been published (its page is the review module's). */
	private static final java.util.Set<org.consilium.cases.CaseStatus> OPINION_OUT = java.util.EnumSet.of(
			org.consilium.cases.CaseStatus.PUBLISHED, org.consilium.cases.CaseStatus.VIEWED_BY_PHYSICIAN,
			org.consilium.cases.CaseStatus.CLOSED);

	private final transient DoctorCases doctorCases;

	private final transient InvitationService invitations;

	private final ZoneId zone;

	private final boolean patient;

	private String title = "";

	private final long validDays;

	DoctorView(DoctorCases doctorCases, InvitationService invitations, Tenants tenants,
			PhysicianProperties properties) {
		this.validDays = Math.max(1, properties.invitationValidity().toDays());
		this.doctorCases = doctorCases;
		this.invitations = invitations;
		this.zone = tenants.current().config().branding().businessHours().timeZone();
		this.patient = org.consilium.identity.CurrentUser.find()
			.map((user) -> user.has(org.consilium.tenantconfig.Role.PATIENT))
			.orElse(false);
	}

	@Override
	public void beforeEnter(BeforeEnterEvent event) {
		String reference = event.getRouteParameters().get("reference").orElse("");
		var found = this.doctorCases.find(reference);
		if (found.isEmpty()) {
			event.rerouteToError(NotFoundException.class);
			return;
		}
		show(found.get());
	}

	private void show(DoctorCase medicalCase) {
		removeAll();
		this.title = getTranslation("doctor.title", medicalCase.reference().value());
		H1 heading = new H1(this.title);
		heading.setId("doctor-heading");
		add(heading);
		DoctorStatus status = this.invitations.status(medicalCase.reference().value()).orElse(DoctorStatus.NONE);
		String base = "cases/" + medicalCase.reference().value();
		if (medicalCase.asDoctor()) {
			add(forDoctor(medicalCase, status, base));
			if (OPINION_OUT.contains(medicalCase.status())) {
				Anchor opinion = new Anchor(base + "/opinion", getTranslation("opinion.link"));
				opinion.setId("opinion-link");
				Div card = new Div(new H2(getTranslation("opinion.link.title")), opinion);
				card.addClassName("card");
				add(card);
			}
		}
		else {
			add(statusCard(status));
			if (this.patient && status.canInvite() && medicalCase.status().isOpen()) {
				add(inviteForm(medicalCase, status));
			}
		}
		Anchor letter = new Anchor(base + "/doctor/letter.pdf?lang=" + getLocale().getLanguage(),
				getTranslation("doctor.letter"));
		letter.setRouterIgnore(true);
		letter.getElement().setAttribute("download", true);
		letter.setId("letter-link");
		Div letterCard = new Div(new H2(getTranslation("doctor.letter.title")),
				new Paragraph(
						getTranslation(medicalCase.asDoctor() ? "doctor.letter.text-doctor" : "doctor.letter.text")),
				letter);
		letterCard.addClassName("card");
		add(letterCard);
		add(medicalCase.asDoctor() ? new Anchor("doctor/cases", getTranslation("doctor.back-to-list"))
				: new Anchor(base, getTranslation("doctor.back")));
	}

	private Div forDoctor(DoctorCase medicalCase, DoctorStatus status, String base) {
		Div card = new Div(new H2(getTranslation("doctor.part.title")),
				new Paragraph(getTranslation("doctor.part.patient", medicalCase.patientName())));
		card.addClassName("card");
		card.setId("doctor-part");
		Paragraph state = new Paragraph(getTranslation(
				status.state() == DoctorStatus.State.COMPLETED ? "doctor.part.completed" : "doctor.part.to-do"));
		state.setId("doctor-state");
		Anchor form = new Anchor(base + "/doctor/history", getTranslation(
				status.state() == DoctorStatus.State.COMPLETED ? "doctor.part.open-form" : "doctor.part.fill-form"));
		form.setId("history-link");
		Anchor records = new Anchor(base + "/records", getTranslation("doctor.part.records"));
		records.setId("doctor-records-link");
		Paragraph recordsText = new Paragraph(getTranslation("doctor.part.records.text"));
		card.add(state, form, recordsText, records);
		return card;
	}

	private Div statusCard(DoctorStatus status) {
		Div card = new Div(new H2(getTranslation("doctor.status.title")));
		card.addClassName("card");
		Paragraph text = new Paragraph(switch (status.state()) {
			case NONE -> getTranslation("doctor.status.none");
			case INVITED -> getTranslation("doctor.status.invited", status.doctorName(), status.doctorEmail(),
					when(status.invitedAt()));
			case EXPIRED -> getTranslation("doctor.status.expired", status.doctorName(), status.doctorEmail(),
					when(status.invitedAt()));
			case JOINED -> getTranslation("doctor.status.joined", status.doctorName(), when(status.joinedAt()));
			case COMPLETED ->
				getTranslation("doctor.status.completed", status.doctorName(), when(status.completedAt()));
		});
		text.setId("doctor-status");
		text.getElement().setAttribute("data-state", status.state().name());
		card.add(text);
		return card;
	}

	private Div inviteForm(DoctorCase medicalCase, DoctorStatus status) {
		TextField name = new TextField(getTranslation("doctor.invite.name"));
		name.setId("doctor-name");
		EmailField email = new EmailField(getTranslation("doctor.invite.email"));
		email.setId("doctor-email");
		TextField practice = new TextField(getTranslation("doctor.invite.practice"));
		practice.setId("doctor-practice");
		Map<String, HasValidation> fields = new LinkedHashMap<>();
		fields.put("name", name);
		fields.put("email", email);
		fields.put("practice", practice);
		for (var field : List.of(name, practice)) {
			field.setManualValidation(true);
			field.setRequiredIndicatorVisible(true);
			field.setWidthFull();
		}
		email.setManualValidation(true);
		email.setRequiredIndicatorVisible(true);
		email.setWidthFull();
		Button send = new Button(getTranslation(
				(status.state() == DoctorStatus.State.NONE) ? "doctor.invite.send" : "doctor.invite.send-again"));
		send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		send.setId("send-invitation");
		send.addClickListener((event) -> {
			Map<String, List<String>> problems = this.invitations.invite(medicalCase.reference().value(),
					name.getValue(), email.getValue(), practice.getValue(), getLocale());
			FieldErrors.show(fields, problems);
			if (problems.isEmpty()) {
				this.doctorCases.find(medicalCase.reference().value()).ifPresent(this::show);
			}
		});
		Div card = new Div(
				new H2(getTranslation((status.state() == DoctorStatus.State.NONE) ? "doctor.invite.title"
						: "doctor.invite.title-again")),
				new Paragraph(getTranslation("doctor.invite.text", this.validDays)), name, email, practice, send);
		card.addClassName("card");
		card.setId("invite-form");
		return card;
	}

	private String when(java.time.Instant instant) {
		return (instant == null) ? ""
				: java.time.format.DateTimeFormatter.ofLocalizedDateTime(java.time.format.FormatStyle.MEDIUM)
					.withLocale(getLocale())
					.format(instant.atZone(this.zone));
	}

	@Override
	public String getPageTitle() {
		return this.title;
	}

}

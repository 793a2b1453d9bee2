package org.consilium.physician.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.consilium.identity.ConsiliumUser;
import org.consilium.identity.CurrentUser;
import org.consilium.identity.InvitedPhysicians;
import org.consilium.physician.internal.InvitationLookup;
import org.consilium.physician.internal.InvitationService;
import org.consilium.physician.internal.PhysicianDetails;
import org.consilium.shell.MainLayout;
import org.consilium.tenant.Tenants;
import org.consilium.tenantconfig.Role;

/**
 * Where the e-mailed link leads. A usable link lets the doctor join the case: signed in
 * as a doctor of this programme, with one click; otherwise by signing in first or by
 * registering here (the address is the invited one, the link proves it). An unusable link
 * shows why ({@link InvitationUnavailableView}).
 */
@Route(value = "invitation/:token", layout = MainLayout.class)
@AnonymousAllowed
class InvitationView extends Div implements BeforeEnterObserver, HasDynamicTitle {

	private final transient InvitationService invitations;

	private final transient InvitedPhysicians accounts;

	private final String programme;

	private String token = "";

	InvitationView(InvitationService invitations, InvitedPhysicians accounts, Tenants tenants) {
		this.invitations = invitations;
		this.accounts = accounts;
		this.programme = tenants.current().config().displayName();
	}

	@Override
	public void beforeEnter(BeforeEnterEvent event) {
		this.token = event.getRouteParameters().get("token").orElse("");
		InvitationLookup invitation = this.invitations.lookup(this.token);
		if (!invitation.valid()) {
			event.rerouteToError(new InvitationUnavailableException(invitation.state()), "");
			return;
		}
		removeAll();
		H1 heading = new H1(getTranslation("invitation.title"));
		heading.setId("invitation-heading");
		Paragraph intro = new Paragraph(getTranslation("invitation.intro", invitation.doctorName(), this.programme,
				invitation.caseReference().value()));
		intro.setId("invitation-intro");
		add(heading, intro);
		Optional<ConsiliumUser> user = CurrentUser.find();
		if (user.isPresent() && user.get().has(Role.REFERRING_PHYSICIAN)) {
			add(acceptCard(user.get()));
		}
		else if (user.isPresent()) {
			Paragraph wrongRole = new Paragraph(getTranslation("invitation.wrong-role"));
			wrongRole.setId("invitation-wrong-role");
			add(wrongRole);
		}
		else {
			Anchor signIn = new Anchor("invitation/" + this.token + "/accept", getTranslation("invitation.sign-in"));
			signIn.setRouterIgnore(true);
			signIn.setId("invitation-sign-in");
			Div existing = new Div(new H2(getTranslation("invitation.existing.title")),
					new Paragraph(getTranslation("invitation.existing.text")), signIn);
			existing.addClassName("card");
			add(existing, registerCard(invitation));
		}
	}

	private Div acceptCard(ConsiliumUser doctor) {
		Button accept = new Button(getTranslation("invitation.accept"), (event) -> {
			InvitationLookup result = this.invitations.accept(this.token);
			if (!result.valid()) {
				getUI().ifPresent((ui) -> ui.navigate("invitation/" + this.token));
				return;
			}
			getUI().ifPresent((ui) -> ui.navigate("cases/" + result.caseReference().value() + "/doctor"));
		});
		accept.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		accept.setId("accept-invitation");
		Div card = new Div(new H2(getTranslation("invitation.signed-in.title")),
				new Paragraph(getTranslation("invitation.signed-in.text", doctor.displayName())), accept);
		card.addClassName("card");
		return card;
	}

	private Div registerCard(InvitationLookup invitation) {
		TextField name = text("invitation.register.name", "register-name", true);
		name.setValue(invitation.doctorName());
		EmailField email = new EmailField(getTranslation("invitation.register.email"));
		email.setId("register-email");
		email.setValue(invitation.doctorEmail());
		email.setReadOnly(true);
		email.setHelperText(getTranslation("invitation.register.email.help"));
		email.setWidthFull();
		email.setManualValidation(true);
		PasswordField password = new PasswordField(getTranslation("invitation.register.password"));
		password.setId("register-password");
		password.setHelperText(getTranslation("invitation.register.password.help"));
		password.setManualValidation(true);
		password.setRequiredIndicatorVisible(true);
		password.setWidthFull();
		TextField licence = text("invitation.register.licence", "register-licence", true);
		TextField specialty = text("invitation.register.specialty", "register-specialty", true);
		TextField practice = text("invitation.register.practice", "register-practice", true);
		practice.setValue(invitation.practice());
		TextField phone = text("invitation.register.phone", "register-phone", true);
		TextField fax = text("invitation.register.fax", "register-fax", false);
		Map<String, HasValidation> fields = new LinkedHashMap<>();
		fields.put("name", name);
		fields.put("email", email);
		fields.put("password", password);
		fields.put("licence", licence);
		fields.put("specialty", specialty);
		fields.put("practice", practice);
		fields.put("phone", phone);
		fields.put("fax", fax);
		Paragraph formProblem = new Paragraph();
		formProblem.setId("register-problem");
		formProblem.addClassName("error-text");
		formProblem.setVisible(false);
		Button register = new Button(getTranslation("invitation.register.submit"), (event) -> {
			InvitationService.Registration result = this.invitations.register(this.token, name.getValue(),
					password.getValue(), new PhysicianDetails(licence.getValue(), specialty.getValue(),
							practice.getValue(), phone.getValue(), fax.getValue()));
			if (!result.ok()) {
				FieldErrors.show(fields, result.problems());
				List<String> tokenProblem = result.problems().getOrDefault("token", List.of());
				formProblem.setVisible(!tokenProblem.isEmpty());
				formProblem.setText(tokenProblem.isEmpty() ? "" : getTranslation(tokenProblem.get(0)));
				return;
			}
			this.accounts.signIn(result.user());
			String target = "cases/" + result.invitation().caseReference().value() + "/doctor";
			getUI().ifPresent((ui) -> ui.getPage().setLocation(target));
		});
		register.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		register.setId("register-doctor");
		Div card = new Div(new H2(getTranslation("invitation.register.title")),
				new Paragraph(getTranslation("invitation.register.text")), name, email, password, licence, specialty,
				practice, phone, fax, formProblem, register);
		card.addClassName("card");
		card.setId("register-form");
		return card;
	}

	private TextField text(String labelKey, String id, boolean required) {
		TextField field = new TextField(getTranslation(labelKey));
		field.setId(id);
		field.setManualValidation(true);
		field.setRequiredIndicatorVisible(required);
		field.setWidthFull();
		return field;
	}

	@Override
	public String getPageTitle() {
		return getTranslation("invitation.title");
	}

}

package org.consilium.identity.ui;

import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.consilium.identity.PasswordPolicy;
import org.consilium.identity.internal.AccountViews;
import org.consilium.tenant.Tenants;

/**
 * Self-registration for patients, on programmes that offer local accounts. Problems show
 * next to the field; nothing is stored until all are fixed.
 */
@Route(value = "register", autoLayout = false)
@AnonymousAllowed
class RegisterView extends AuthPage implements HasDynamicTitle {

	private final EmailField email = new EmailField();

	private final PasswordField password = new PasswordField();

	private final PasswordField confirm = new PasswordField();

	private final transient AccountViews accounts;

	private DemographicsForm demographics;

	RegisterView(Tenants tenants, AccountViews accounts) {
		super(tenants);
		this.accounts = accounts;
		this.card.add(new H2(getTranslation("register.title")));
		if (!accounts.registrationOpen()) {
			this.card.add(message("register.closed"), link("login", "register.to-sign-in"));
			return;
		}
		this.email.setLabel(getTranslation("register.email"));
		this.email.setId("email");
		this.password.setLabel(getTranslation("register.password"));
		this.password.setHelperText(getTranslation("register.password.help", PasswordPolicy.MIN_LENGTH));
		this.password.setId("password");
		this.password.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.NEW_PASSWORD);
		this.confirm.setLabel(getTranslation("register.confirm"));
		this.confirm.setId("confirm");
		this.card.setWidth("min(44rem, 94vw)");
		this.demographics = new DemographicsForm(tenants.current().config());
		for (var field : List.of(this.email, this.password, this.confirm)) {
			field.setWidthFull();
			field.setRequiredIndicatorVisible(true);
			field.setManualValidation(true);
		}
		Button submit = new Button(getTranslation("register.submit"), (event) -> submit());
		submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		submit.setId("register");
		this.card.add(this.email, this.password, this.confirm, new H3(getTranslation("register.about-you")),
				new Paragraph(getTranslation("register.about-you.text")), this.demographics, submit,
				link("login", "register.to-sign-in"));
	}

	private void submit() {
		clearErrors();
		if (!this.password.getValue().equals(this.confirm.getValue())) {
			show(this.confirm, List.of("register.confirm.mismatch"));
			return;
		}
		Map<String, List<String>> problems = this.accounts.registerPatient(this.email.getValue(),
				this.password.getValue(), this.demographics.value(), getLocale());
		this.demographics.show(problems);
		if (!problems.isEmpty()) {
			show(this.email, problems.get("email"));
			show(this.password, problems.get("password"));
			return;
		}
		this.card.removeAll();
		this.card.add(new H2(getTranslation("register.check-mail.title")),
				message("register.check-mail", this.email.getValue()));
	}

	private void clearErrors() {
		for (HasValidation field : List.of(this.email, this.password, this.confirm)) {
			field.setInvalid(false);
		}
	}

	private void show(HasValidation field, List<String> keys) {
		if (keys == null || keys.isEmpty()) {
			return;
		}
		field.setErrorMessage(
				String.join(" ", keys.stream().map((key) -> getTranslation(key, PasswordPolicy.MIN_LENGTH)).toList()));
		field.setInvalid(true);
	}

	@Override
	public String getPageTitle() {
		return getTranslation("register.title");
	}

}

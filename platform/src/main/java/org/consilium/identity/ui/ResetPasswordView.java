package org.consilium.identity.ui;

import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.consilium.identity.PasswordPolicy;
import org.consilium.identity.internal.AccountViews;
import org.consilium.tenant.AnySite;
import org.consilium.tenant.Tenants;

/**
 * Sets a new password with the e-mailed link. A second factor stays required afterwards.
 */
@Route(value = "reset-password", autoLayout = false)
@AnonymousAllowed
@AnySite
class ResetPasswordView extends AuthPage implements BeforeEnterObserver, HasDynamicTitle {

	private final transient AccountViews accounts;

	private final PasswordField password = new PasswordField();

	private final PasswordField confirm = new PasswordField();

	private String token = "";

	ResetPasswordView(Tenants tenants, AccountViews accounts) {
		super(tenants);
		this.accounts = accounts;
		this.password.setLabel(getTranslation("reset.password"));
		this.password.setHelperText(getTranslation("register.password.help", PasswordPolicy.MIN_LENGTH));
		this.password.setId("password");
		this.password.setWidthFull();
		this.confirm.setLabel(getTranslation("register.confirm"));
		this.confirm.setId("confirm");
		this.confirm.setWidthFull();
		this.password.setManualValidation(true);
		this.confirm.setManualValidation(true);
		Button save = new Button(getTranslation("reset.submit"), (event) -> save());
		save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		save.setId("save");
		this.card.add(new H2(getTranslation("reset.title")), this.password, this.confirm, save);
	}

	@Override
	public void beforeEnter(BeforeEnterEvent event) {
		this.token = event.getLocation().getQueryParameters().getSingleParameter("token").orElse("");
	}

	private void save() {
		this.password.setInvalid(false);
		this.confirm.setInvalid(false);
		if (!this.password.getValue().equals(this.confirm.getValue())) {
			this.confirm.setErrorMessage(getTranslation("register.confirm.mismatch"));
			this.confirm.setInvalid(true);
			return;
		}
		Map<String, List<String>> problems = this.accounts.resetPassword(this.token, this.password.getValue());
		if (problems.containsKey("token")) {
			this.card.removeAll();
			this.card.add(new H2(getTranslation("reset.title")), message("reset.invalid-link"),
					link("forgot-password", "verify.new-link"));
			return;
		}
		if (problems.containsKey("password")) {
			this.password.setErrorMessage(String.join(" ",
					problems.get("password")
						.stream()
						.map((key) -> getTranslation(key, PasswordPolicy.MIN_LENGTH))
						.toList()));
			this.password.setInvalid(true);
			return;
		}
		this.card.removeAll();
		this.card.add(new H2(getTranslation("reset.title")), message("reset.done"), link("login", "verify.to-sign-in"));
	}

	@Override
	public String getPageTitle() {
		return getTranslation("reset.title");
	}

}

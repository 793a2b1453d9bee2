package org.consilium.identity.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.consilium.identity.internal.AccountViews;
import org.consilium.tenant.AnySite;
import org.consilium.tenant.Tenants;

/**
 * Asks for a password reset link. The answer is the same whether or not the address has
 * an account.
 */
@Route(value = "forgot-password", autoLayout = false)
@AnonymousAllowed
@AnySite
class ForgotPasswordView extends AuthPage implements HasDynamicTitle {

	ForgotPasswordView(Tenants tenants, AccountViews accounts) {
		super(tenants);
		EmailField email = new EmailField(getTranslation("register.email"));
		email.setManualValidation(true);
		email.setId("email");
		email.setWidthFull();
		Button send = new Button(getTranslation("forgot.submit"), (event) -> {
			if (email.isEmpty() || email.isInvalid()) {
				email.setErrorMessage(getTranslation("register.email.invalid"));
				email.setInvalid(true);
				return;
			}
			accounts.requestPasswordReset(email.getValue(), getLocale());
			this.card.removeAll();
			this.card.add(new H2(getTranslation("forgot.title")), message("forgot.sent", email.getValue()),
					link("login", "verify.to-sign-in"));
		});
		send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		send.setId("send");
		this.card.add(new H2(getTranslation("forgot.title")), message("forgot.text"), email, send,
				link("login", "register.to-sign-in"));
	}

	@Override
	public String getPageTitle() {
		return getTranslation("forgot.title");
	}

}

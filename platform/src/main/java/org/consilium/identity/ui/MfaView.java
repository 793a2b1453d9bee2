package org.consilium.identity.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import org.consilium.identity.CurrentUser;
import org.consilium.identity.MfaPendingAuthentication;
import org.consilium.identity.internal.AccountViews;
import org.consilium.tenant.AnySite;
import org.consilium.tenant.Tenants;

/**
 * The second step of signing in: a code from the authenticator app, or a recovery code.
 */
@Route(value = "mfa", autoLayout = false)
@RolesAllowed(MfaPendingAuthentication.ROLE)
@AnySite
public class MfaView extends AuthPage implements HasDynamicTitle {

	MfaView(Tenants tenants, AccountViews accounts, AuthenticationContext authentication) {
		super(tenants);
		TextField code = new TextField(getTranslation("mfa.code"));
		code.setManualValidation(true);
		code.setHelperText(getTranslation("mfa.code.help"));
		code.setId("code");
		code.setWidthFull();
		code.getElement().setAttribute("autocomplete", "one-time-code");
		code.setAutofocus(true);
		Button verify = new Button(getTranslation("mfa.verify"), (event) -> {
			MfaPendingAuthentication pending = CurrentUser.pendingMfa().orElse(null);
			if (pending == null) {
				getUI().ifPresent((ui) -> ui.getPage().setLocation("login"));
				return;
			}
			if (accounts.verifyMfa(pending.user(), code.getValue())) {
				accounts.completeSignIn(pending);
				getUI().ifPresent((ui) -> ui.getPage().setLocation("./"));
			}
			else {
				code.setErrorMessage(getTranslation("mfa.wrong-code"));
				code.setInvalid(true);
				code.clear();
			}
		});
		verify.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		verify.addClickShortcut(Key.ENTER);
		verify.setId("verify");
		Button cancel = new Button(getTranslation("nav.sign-out"), (event) -> authentication.logout());
		cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
		this.card.add(new H2(getTranslation("mfa.title")), message("mfa.text"), code, verify, cancel);
	}

	@Override
	public String getPageTitle() {
		return getTranslation("mfa.title");
	}

}

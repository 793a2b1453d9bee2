package org.consilium.identity.ui;

import java.util.List;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
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
 * First sign-in of a role that needs a second factor: scan the QR code, confirm with a
 * code, keep the recovery codes.
 */
@Route(value = "mfa/setup", autoLayout = false)
@RolesAllowed(MfaPendingAuthentication.ROLE)
@AnySite
public class MfaSetupView extends AuthPage implements HasDynamicTitle, BeforeEnterObserver {

	private final transient AccountViews accounts;

	MfaSetupView(Tenants tenants, AccountViews accounts, AuthenticationContext authentication) {
		super(tenants);
		this.accounts = accounts;
		MfaPendingAuthentication pending = CurrentUser.pendingMfa().orElse(null);
		if (pending == null || pending.enrolled()) {
			return;
		}
		AccountViews.MfaSetup setup = accounts.startMfaEnrolment(pending.user(), getTranslation("operator.name"));
		Html qr = new Html("<div>" + setup.qrSvg() + "</div>");
		Span secret = new Span(setup.secret().replaceAll("(.{4})", "$1 ").trim());
		secret.setId("secret");
		secret.getStyle().set("font-family", "monospace").set("font-size", "var(--lumo-font-size-s)");
		TextField code = new TextField(getTranslation("mfa.code"));
		code.setManualValidation(true);
		code.setId("code");
		code.setWidthFull();
		code.getElement().setAttribute("autocomplete", "one-time-code");
		Button confirm = new Button(getTranslation("mfa.setup.confirm"), (event) -> {
			List<String> codes = accounts.confirmMfaEnrolment(pending.user(), setup.secret(), code.getValue());
			if (codes.isEmpty()) {
				code.setErrorMessage(getTranslation("mfa.wrong-code"));
				code.setInvalid(true);
				return;
			}
			showRecoveryCodes(pending, codes);
		});
		confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		confirm.addClickShortcut(Key.ENTER);
		confirm.setId("confirm");
		Button cancel = new Button(getTranslation("nav.sign-out"), (event) -> authentication.logout());
		cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
		this.card.add(new H2(getTranslation("mfa.setup.title")), message("mfa.setup.text"), qr,
				new Div(new Span(getTranslation("mfa.setup.manual") + " "), secret), code, confirm, cancel);
	}

	private void showRecoveryCodes(MfaPendingAuthentication pending, List<String> codes) {
		this.card.removeAll();
		UnorderedList list = new UnorderedList();
		list.setId("recovery-codes");
		list.getStyle().set("font-family", "monospace");
		codes.forEach((code) -> list.add(new ListItem(code)));
		Button done = new Button(getTranslation("mfa.setup.saved"), (event) -> {
			this.accounts.completeSignIn(pending);
			getUI().ifPresent((ui) -> ui.getPage().setLocation("./"));
		});
		done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		done.setId("done");
		this.card.add(new H2(getTranslation("mfa.setup.recovery.title")), message("mfa.setup.recovery.text"), list,
				done);
	}

	@Override
	public void beforeEnter(BeforeEnterEvent event) {
		if (CurrentUser.pendingMfa().map(MfaPendingAuthentication::enrolled).orElse(true)) {
			// Enrolled already (or no sign-in under way): a second secret is never issued
			// this way.
			event.forwardTo(MfaView.class);
		}
	}

	@Override
	public String getPageTitle() {
		return getTranslation("mfa.setup.title");
	}

}

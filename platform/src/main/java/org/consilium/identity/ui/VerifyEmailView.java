package org.consilium.identity.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.consilium.identity.internal.AccountViews;
import org.consilium.tenant.Tenants;

/**
 * Where the verification link lands.
 */
@Route(value = "verify-email", autoLayout = false)
@AnonymousAllowed
class VerifyEmailView extends AuthPage implements BeforeEnterObserver, HasDynamicTitle {

	private final transient AccountViews accounts;

	VerifyEmailView(Tenants tenants, AccountViews accounts) {
		super(tenants);
		this.accounts = accounts;
	}

	@Override
	public void beforeEnter(BeforeEnterEvent event) {
		String token = event.getLocation().getQueryParameters().getSingleParameter("token").orElse("");
		boolean verified = this.accounts.verifyEmail(token);
		this.card.removeAll();
		this.card.add(new H2(getTranslation("verify.title")), message(verified ? "verify.done" : "verify.invalid"),
				link(verified ? "login" : "forgot-password", verified ? "verify.to-sign-in" : "verify.new-link"));
	}

	@Override
	public String getPageTitle() {
		return getTranslation("verify.title");
	}

}

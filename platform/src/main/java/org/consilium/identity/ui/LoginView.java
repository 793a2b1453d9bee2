package org.consilium.identity.ui;

import java.util.List;
import java.util.Optional;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.consilium.identity.ConsiliumUser;
import org.consilium.identity.DemoAccounts;
import org.consilium.identity.internal.AccountViews;
import org.consilium.tenant.AnySite;
import org.consilium.tenant.Tenant;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.Tenants;
import org.consilium.tenantconfig.SamlProvider;
import org.consilium.tenantconfig.Workflow;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;

/**
 * Sign-in for the current site: the programme's single sign-on first, then the password
 * form where the programme has its own accounts. In development it lists the demo users
 * of this site; it says plainly that this is a development sign-in.
 */
@Route(value = "login", autoLayout = false)
@AnonymousAllowed
@AnySite
public class LoginView extends Div implements BeforeEnterObserver, HasDynamicTitle {

	private final LoginForm form = new LoginForm();

	LoginView(Tenants tenants, ObjectProvider<DemoAccounts> demoAccounts, AccountViews accounts) {
		addClassName("login-page");
		Optional<Tenant> tenant = TenantContext.find().flatMap(tenants::find);
		Image logo = new Image("branding/logo", "");
		logo.setHeight("3rem");
		H1 name = new H1(tenant.map((t) -> t.config().displayName()).orElseGet(() -> getTranslation("operator.name")));
		name.getStyle().set("font-size", "var(--lumo-font-size-xxl)").set("margin", "0");
		add(logo, name);
		List<SamlProvider> providers = tenant.map((t) -> t.config().identity().samlProviders()).orElse(List.of());
		providers.forEach((provider) -> add(ssoButton(provider)));
		boolean registrationOpen = accounts.registrationOpen();
		if (!providers.isEmpty() && !registrationOpen) {
			Paragraph sso = new Paragraph(getTranslation("login.sso-only"));
			sso.setId("sso-note");
			sso.setMaxWidth("24rem");
			add(sso);
		}
		this.form.setAction("login");
		this.form.setForgotPasswordButtonVisible(true);
		this.form.addForgotPasswordListener((event) -> getUI().ifPresent((ui) -> ui.navigate("forgot-password")));
		this.form.setI18n(i18n());
		DemoAccounts demo = demoAccounts.getIfAvailable();
		// A programme without its own accounts (single sign-on for its employees) still
		// has
		// password accounts for the referring doctors its patients invite (and, in
		// development, the demo accounts): their form sits behind a disclosure.
		boolean localAccounts = tenant.map((t) -> t.config().identity().localAccounts()).orElse(true);
		boolean invitedDoctors = tenant
			.map((t) -> t.config().workflow().doctorParticipation() != Workflow.DoctorParticipation.SKIPPED)
			.orElse(false);
		if (localAccounts) {
			add(this.form);
		}
		else if (invitedDoctors || demo != null) {
			Details passwords = new Details(
					getTranslation((demo != null) ? "login.password-accounts.demo" : "login.password-accounts"),
					this.form);
			passwords.setId("password-sign-in");
			passwords.setOpened(demo != null);
			add(passwords);
		}
		if (registrationOpen) {
			Anchor register = new Anchor("register", getTranslation("login.register"));
			register.setId("register-link");
			add(register);
		}
		if (demo != null) {
			add(demoUsers(demo, tenant));
		}
	}

	/**
	 * SP-initiated single sign-on: a plain link that leaves the Vaadin router
	 * ({@code router-ignore}) for Spring Security's {@code /saml2/authenticate/{id}}.
	 */
	private Anchor ssoButton(SamlProvider provider) {
		Anchor button = new Anchor("saml2/authenticate/" + provider.id(),
				getTranslation("login.sso.button", provider.displayName()));
		button.setRouterIgnore(true);
		button.setId("sso-" + provider.id());
		button.addClassName("sso-button");
		button.getStyle()
			.set("display", "block")
			.set("box-sizing", "border-box")
			.set("width", "min(24rem, 92vw)")
			.set("padding", "var(--lumo-space-m)")
			.set("border-radius", "var(--lumo-border-radius-l)")
			.set("background", "var(--lumo-primary-color)")
			.set("color", "var(--lumo-primary-contrast-color)")
			.set("font-weight", "600")
			.set("text-align", "center")
			.set("text-decoration", "none");
		return button;
	}

	private Div demoUsers(DemoAccounts demo, Optional<Tenant> tenant) {
		Div box = new Div();
		box.addClassNames("notice");
		box.setId("demo-users");
		box.setMaxWidth("24rem");
		box.add(new H2(getTranslation("login.demo.title")));
		box.add(new Paragraph(getTranslation("login.demo.text", demo.password())));
		box.add(new Paragraph(getTranslation("login.demo.totp", demo.totpSecret())));
		UnorderedList list = new UnorderedList();
		for (ConsiliumUser user : demo.usersOf(tenant.map(Tenant::id).orElse(null))) {
			list.add(new ListItem(
					user.username() + " · " + getTranslation("role." + user.roles().iterator().next().name())));
		}
		box.add(list);
		return box;
	}

	private LoginI18n i18n() {
		LoginI18n i18n = LoginI18n.createDefault();
		i18n.getForm().setTitle(getTranslation("login.title"));
		i18n.getForm().setUsername(getTranslation("login.username"));
		i18n.getForm().setPassword(getTranslation("login.password"));
		i18n.getForm().setSubmit(getTranslation("login.submit"));
		i18n.getErrorMessage().setTitle(getTranslation("login.error.title"));
		i18n.getErrorMessage().setMessage(getTranslation("login.error.text"));
		i18n.getErrorMessage().setUsername(getTranslation("login.error.username"));
		i18n.getErrorMessage().setPassword(getTranslation("login.error.password"));
		return i18n;
	}

	@Override
	public void beforeEnter(BeforeEnterEvent event) {
		var parameters = event.getLocation().getQueryParameters().getParameters();
		String problem = null;
		if (parameters.containsKey("throttled")) {
			problem = "login.error.throttled";
		}
		else if (parameters.containsKey("error")) {
			Object last = Optional.ofNullable(VaadinSession.getCurrent())
				.map((session) -> session.getSession().getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION))
				.orElse(null);
			problem = (last instanceof LockedException) ? "login.error.locked"
					: (last instanceof DisabledException) ? "login.error.disabled" : "login.error.text";
		}
		if (problem != null) {
			LoginI18n i18n = i18n();
			i18n.getErrorMessage().setMessage(getTranslation(problem));
			this.form.setI18n(i18n);
			this.form.setError(true);
		}
	}

	@Override
	public String getPageTitle() {
		return getTranslation("login.title");
	}

}

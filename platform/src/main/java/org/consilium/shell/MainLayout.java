package org.consilium.shell;

import java.util.Locale;
import java.util.Optional;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Footer;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.RouterLayout;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.consilium.identity.ConsiliumUser;
import org.consilium.identity.CurrentUser;
import org.consilium.notify.Notifications;
import org.consilium.shell.ui.NotificationBell;
import org.consilium.tenant.Tenant;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.Tenants;
import org.consilium.tenantconfig.Role;
import org.consilium.tenantconfig.Workflow;

/**
 * The frame of every page: the site's logo and name, navigation, language choice, who is
 * signed in, and the site's legal footer. Colours come from the tenant's branding at
 * runtime.
 */
@AnonymousAllowed
public class MainLayout extends Div implements RouterLayout {

	/** VaadinSession attribute holding the locale the user chose. */
	public static final String CHOSEN_LOCALE = MainLayout.class.getName() + ".locale";

	private final Main main = new Main();

	private final transient Optional<Tenant> tenant;

	public MainLayout(Tenants tenants, AuthenticationContext authentication, Notifications notifications) {
		this.tenant = TenantContext.find().flatMap(tenants::find);
		addClassName("site");
		Header header = new Header();
		header.addClassName("site-header");
		Div inner = new Div();
		inner.addClassName("site-header-inner");
		// The configuration version in the address: a new logo is fetched at once, not
		// after the cached one expires.
		Image logo = new Image(this.tenant.map((t) -> "branding/logo?v=" + t.version()).orElse("branding/logo"), "");
		logo.addClassName("site-logo");
		Anchor name = new Anchor("", siteName());
		name.addClassName("site-name");
		name.setId("site-name");
		inner.add(logo, name, navigation());
		NotificationBell.create(notifications).ifPresent(inner::add);
		inner.add(languageChoice(), account(authentication));
		header.add(inner);
		this.main.addClassName("site-main");
		add(header, this.main, footer());
	}

	private String siteName() {
		return this.tenant.map((t) -> t.config().displayName()).orElseGet(() -> getTranslation("operator.name"));
	}

	private Component navigation() {
		Nav nav = new Nav();
		nav.addClassName("site-nav");
		Optional<ConsiliumUser> user = CurrentUser.find();
		if (this.tenant.isPresent() && user.isPresent() && (user.get().has(Role.PATIENT)
				|| user.get().has(Role.CASE_COORDINATOR) || user.get().has(Role.TENANT_ADMIN))) {
			nav.add(new Anchor("cases", getTranslation("nav.cases")));
			if (user.get().has(Role.TENANT_ADMIN)) {
				nav.add(new Anchor("admin/payments", getTranslation("nav.payments")));
				nav.add(new Anchor("admin/dashboard", getTranslation("nav.dashboard")));
				if (this.tenant.get().config().workflow().eligibility() == Workflow.Eligibility.CENSUS) {
					nav.add(new Anchor("admin/census", getTranslation("nav.census")));
				}
				nav.add(new Anchor("admin/console/branding", getTranslation("nav.console")));
			}
		}
		else if (this.tenant.isPresent() && user.isPresent() && user.get().has(Role.REFERRING_PHYSICIAN)) {
			nav.add(new Anchor("doctor/cases", getTranslation("nav.cases")));
		}
		else if (this.tenant.isEmpty() && user.isPresent() && user.get().isOperatorUser()) {
			if (user.get().has(Role.TRIAGE)) {
				nav.add(new Anchor("triage", getTranslation("nav.triage")));
			}
			if (user.get().has(Role.SPECIALIST) || user.get().has(Role.APPROVER)) {
				nav.add(new Anchor("work", getTranslation("nav.work")));
			}
			if (user.get().has(Role.PLATFORM_ADMIN)) {
				nav.add(new Anchor("operator/specialists", getTranslation("nav.specialists")));
				nav.add(new Anchor("operator/billing", getTranslation("nav.billing")));
				nav.add(new Anchor("operator/programmes", getTranslation("nav.programmes")));
			}
		}
		return nav;
	}

	private Component languageChoice() {
		var locales = this.tenant.map((t) -> t.config().locales())
			.orElse(java.util.List.of(Locale.ENGLISH, Locale.forLanguageTag("es")));
		if (locales.size() < 2) {
			return new Span();
		}
		Select<Locale> select = new Select<>();
		select.setAriaLabel(getTranslation("nav.language"));
		select.setItems(locales);
		select.setItemLabelGenerator((locale) -> getTranslation("language." + locale.getLanguage()));
		select.setValue(locales.stream()
			.filter((locale) -> locale.getLanguage().equals(getLocale().getLanguage()))
			.findFirst()
			.orElse(locales.get(0)));
		select.addValueChangeListener((event) -> {
			if (event.isFromClient() && event.getValue() != null) {
				VaadinSession.getCurrent().setAttribute(CHOSEN_LOCALE, event.getValue());
				UI.getCurrent().setLocale(event.getValue());
				UI.getCurrent().getPage().reload();
			}
		});
		select.setId("language");
		select.setWidth("8rem");
		return select;
	}

	private Component account(AuthenticationContext authentication) {
		Div account = new Div();
		account.addClassName("site-nav");
		Optional<ConsiliumUser> user = CurrentUser.find();
		if (user.isPresent()) {
			Span who = new Span(user.get().displayName());
			who.addClassName("site-user");
			Button signOut = new Button(getTranslation("nav.sign-out"), (event) -> authentication.logout());
			signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
			signOut.setId("sign-out");
			account.add(who, signOut);
		}
		else {
			Anchor signIn = new Anchor("login", getTranslation("nav.sign-in"));
			signIn.setId("sign-in");
			account.add(signIn);
		}
		return account;
	}

	private Component footer() {
		Footer footer = new Footer();
		footer.addClassName("site-footer");
		Div inner = new Div();
		inner.addClassName("site-footer-inner");
		this.tenant.ifPresent((t) -> {
			var branding = t.config().branding();
			if (branding.legalFooter() != null) {
				inner.add(new Paragraph(branding.legalFooter().in(getLocale())));
			}
			Paragraph contact = new Paragraph(getTranslation("footer.contact") + " ");
			contact.add(new Anchor("mailto:" + branding.support().email(), branding.support().email()));
			inner.add(contact);
		});
		if (this.tenant.isEmpty()) {
			inner.add(new Paragraph(getTranslation("operator.footer")));
		}
		footer.add(inner);
		return footer;
	}

	@Override
	public void showRouterLayoutContent(HasElement content) {
		this.main.removeAll();
		if (content != null) {
			this.main.getElement().appendChild(content.getElement());
		}
	}

}

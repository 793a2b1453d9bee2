package org.consilium.shell.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import org.consilium.shell.MainLayout;
import org.consilium.tenant.AnySite;
import org.consilium.tenant.OperatorRoute;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.Tenants;

import org.springframework.stereotype.Component;

/**
 * Per UI: picks the language (the user's choice, else the browser's if the programme
 * offers it, else the programme's default) and keeps tenant views off the operator site
 * and operator views off tenant sites (they answer "not found" there).
 */
@Component
class SiteUiSetup implements VaadinServiceInitListener {

	private final transient Tenants tenants;

	SiteUiSetup(Tenants tenants) {
		this.tenants = tenants;
	}

	@Override
	public void serviceInit(ServiceInitEvent event) {
		event.getSource().addUIInitListener((init) -> {
			UI ui = init.getUI();
			ui.setLocale(chooseLocale(VaadinRequest.getCurrent(), VaadinSession.getCurrent()));
			ui.addBeforeEnterListener(SiteUiSetup::checkSite);
		});
	}

	Locale chooseLocale(VaadinRequest request, VaadinSession session) {
		List<Locale> offered = TenantContext.find()
			.flatMap(this.tenants::find)
			.map((tenant) -> tenant.config().locales())
			.orElse(ConsiliumI18NProvider.LOCALES);
		Optional<Locale> chosen = Optional.ofNullable(session)
			.map((s) -> (Locale) s.getAttribute(MainLayout.CHOSEN_LOCALE))
			.flatMap((locale) -> match(offered, locale));
		return chosen
			.or(() -> Optional.ofNullable(request).map(VaadinRequest::getLocale).flatMap((l) -> match(offered, l)))
			.orElse(offered.get(0));
	}

	private static Optional<Locale> match(List<Locale> offered, Locale wanted) {
		return offered.stream().filter((locale) -> locale.getLanguage().equals(wanted.getLanguage())).findFirst();
	}

	static void checkSite(BeforeEnterEvent event) {
		Class<?> target = event.getNavigationTarget();
		if (HasErrorParameter.class.isAssignableFrom(target) || target.isAnnotationPresent(AnySite.class)) {
			return;
		}
		boolean operatorSite = TenantContext.find().isEmpty();
		if (target.isAnnotationPresent(OperatorRoute.class) != operatorSite) {
			event.rerouteToError(NotFoundException.class);
		}
	}

}

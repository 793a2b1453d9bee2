package org.consilium.identity.internal;

import java.util.Set;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.consilium.identity.CurrentUser;
import org.consilium.identity.ui.LoginView;
import org.consilium.identity.ui.MfaSetupView;
import org.consilium.identity.ui.MfaView;

import org.springframework.stereotype.Component;

/**
 * While a second factor is due, every view leads to it: enrolment for a first sign-in,
 * the code otherwise.
 */
@Component
class MfaNavigationGuard implements VaadinServiceInitListener {

	private static final Set<Class<?>> ALLOWED = Set.of(MfaView.class, MfaSetupView.class, LoginView.class);

	@Override
	public void serviceInit(ServiceInitEvent event) {
		event.getSource().addUIInitListener((init) -> init.getUI().addBeforeEnterListener(MfaNavigationGuard::check));
	}

	static void check(BeforeEnterEvent event) {
		CurrentUser.pendingMfa().ifPresent((pending) -> {
			if (!ALLOWED.contains(event.getNavigationTarget())) {
				event.forwardTo(pending.enrolled() ? MfaView.class : MfaSetupView.class);
			}
		});
	}

}

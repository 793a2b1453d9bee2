package org.consilium.physician.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.consilium.identity.Roles;
import org.consilium.shell.MainLayout;

/**
 * "Sign in to accept": a page only doctors may open, so that an anonymous visitor is sent
 * to the sign-in and comes back here, and from here to the invitation.
 */
@Route(value = "invitation/:token/accept", layout = MainLayout.class)
@RolesAllowed(Roles.REFERRING_PHYSICIAN)
class InvitationAcceptView extends Div implements BeforeEnterObserver {

	@Override
	public void beforeEnter(BeforeEnterEvent event) {
		event.forwardTo("invitation/" + event.getRouteParameters().get("token").orElse(""));
	}

}

package org.consilium.physician.ui;

import java.util.Locale;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;
import org.consilium.physician.internal.InvitationState;
import org.consilium.shell.MainLayout;

/**
 * A link that cannot be used says plainly why and what to do: 410 for one that was used,
 * revoked or has expired, 404 for one this site does not know (another programme's link
 * included: it is never looked up elsewhere). Nothing changes.
 */
@ParentLayout(MainLayout.class)
@AnonymousAllowed
class InvitationUnavailableView extends Div implements HasErrorParameter<InvitationUnavailableException> {

	@Override
	public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<InvitationUnavailableException> parameter) {
		InvitationState state = parameter.getException().state();
		String key = state.name().toLowerCase(Locale.ROOT);
		removeAll();
		Paragraph text = new Paragraph(getTranslation("invitation.unavailable." + key));
		Div card = new Div(new H1(getTranslation("invitation.unavailable.title")), text,
				new Paragraph(getTranslation("invitation.unavailable.next")),
				new Anchor("", getTranslation("error.home")));
		card.addClassName("card");
		card.setId("invitation-unavailable");
		card.getElement().setAttribute("data-state", state.name());
		add(card);
		return (state == InvitationState.UNKNOWN) ? HttpServletResponse.SC_NOT_FOUND : HttpServletResponse.SC_GONE;
	}

}

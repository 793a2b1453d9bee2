package org.consilium.shell.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;
import org.consilium.shell.MainLayout;

/**
 * "Not found" in the site's frame and language, with status 404. Also what a case of
 * another tenant looks like: there is no difference between "not yours" and "does not
 * exist".
 */
@ParentLayout(MainLayout.class)
@AnonymousAllowed
class NotFoundView extends Div implements HasErrorParameter<NotFoundException> {

	@Override
	public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
		removeAll();
		Div card = new Div(new H1(getTranslation("error.not-found.title")),
				new Paragraph(getTranslation("error.not-found.text")), new Anchor("", getTranslation("error.home")));
		card.addClassName("card");
		card.setId("not-found");
		add(card);
		return HttpServletResponse.SC_NOT_FOUND;
	}

}

package org.consilium.identity.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.Tenants;

/**
 * The frame of the sign-in pages: the site's logo and name above one narrow card.
 */
abstract class AuthPage extends Div {

	protected final Div card = new Div();

	AuthPage(Tenants tenants) {
		addClassName("login-page");
		Image logo = new Image("branding/logo", "");
		logo.setHeight("3rem");
		H1 name = new H1(TenantContext.find()
			.flatMap(tenants::find)
			.map((tenant) -> tenant.config().displayName())
			.orElseGet(() -> getTranslation("operator.name")));
		name.getStyle().set("font-size", "var(--lumo-font-size-xxl)").set("margin", "0");
		this.card.addClassName("card");
		this.card.setWidth("min(26rem, 92vw)");
		add(logo, name, this.card);
	}

	protected Paragraph message(String key, Object... args) {
		Paragraph paragraph = new Paragraph(getTranslation(key, args));
		paragraph.setId("message");
		return paragraph;
	}

	protected Anchor link(String href, String key) {
		return new Anchor(href, getTranslation(key));
	}

}

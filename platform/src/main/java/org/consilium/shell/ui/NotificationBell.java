package org.consilium.shell.ui;

import java.util.Optional;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import org.consilium.identity.CurrentUser;
import org.consilium.notify.Notifications;
import org.consilium.tenant.TenantContext;

/**
 * The bell in the header of a tenant site: links to the user's notices, with the unread
 * count.
 */
public final class NotificationBell {

	private NotificationBell() {
	}

	/** The bell for the signed-in user of a tenant site; empty elsewhere. */
	public static Optional<Component> create(Notifications notifications) {
		if (TenantContext.find().isEmpty()) {
			return Optional.empty();
		}
		return CurrentUser.find().map((user) -> {
			long unread = notifications.unread(user.id());
			Anchor bell = new Anchor("notifications");
			bell.setId("notification-bell");
			bell.add(VaadinIcon.BELL.create());
			bell.getElement().setAttribute("aria-label", bell.getTranslation("nav.notifications"));
			if (unread > 0) {
				Span count = new Span(Long.toString(unread));
				count.setId("unread-count");
				count.getStyle()
					.set("margin-left", "0.2rem")
					.set("background", "var(--consilium-accent-color)")
					.set("color", "#fff")
					.set("border-radius", "1em")
					.set("padding", "0 0.45em")
					.set("font-size", "var(--lumo-font-size-xs)");
				count.getElement().setAttribute("title", bell.getTranslation("notifications.unread", unread));
				bell.add(count);
			}
			return (Component) bell;
		});
	}

}

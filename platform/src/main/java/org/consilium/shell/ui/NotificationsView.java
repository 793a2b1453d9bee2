package org.consilium.shell.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.consilium.identity.ConsiliumUser;
import org.consilium.identity.CurrentUser;
import org.consilium.notify.Notifications;
import org.consilium.shell.MainLayout;
import org.consilium.tenant.Tenants;

/**
 * The signed-in user's notices on this site, newest first; opening one marks it read.
 */
@Route(value = "notifications", layout = MainLayout.class)
@PermitAll
class NotificationsView extends Div implements HasDynamicTitle {

	NotificationsView(Notifications notifications, Tenants tenants) {
		ConsiliumUser user = CurrentUser.require();
		var tenant = tenants.current();
		ZoneId zone = tenant.config().branding().businessHours().timeZone();
		DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
			.withLocale(getLocale())
			.withZone(zone);
		add(new H1(getTranslation("notifications.title")));
		var inbox = notifications.inbox(user.id(), 100);
		Div card = new Div();
		card.addClassName("card");
		card.setId("notifications");
		if (inbox.isEmpty()) {
			card.add(new Paragraph(getTranslation("notifications.empty")));
		}
		for (Notifications.InAppNotice notice : inbox) {
			Anchor open = new Anchor(notice.link(), getTranslation("notify." + notice.kind().key() + ".subject",
					tenant.config().displayName(), user.displayName()));
			open.getElement().addEventListener("click", (event) -> notifications.markRead(user.id(), notice.id()));
			Span when = new Span(format.format(notice.createdAt()));
			when.addClassName("muted");
			Div row = new Div(open, when);
			row.getStyle()
				.set("display", "flex")
				.set("justify-content", "space-between")
				.set("gap", "1rem")
				.set("padding", "0.5rem 0")
				.set("font-weight", notice.read() ? "normal" : "bold");
			row.getElement().setAttribute("data-read", Boolean.toString(notice.read()));
			card.add(row);
		}
		Button all = new Button(getTranslation("notifications.mark-all-read"), (event) -> {
			notifications.markAllRead(user.id());
			getUI().ifPresent((ui) -> ui.getPage().reload());
		});
		all.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
		all.setId("mark-all-read");
		add(card, all);
	}

	@Override
	public String getPageTitle() {
		return getTranslation("notifications.title");
	}

}

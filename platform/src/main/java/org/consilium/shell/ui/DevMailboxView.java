package org.consilium.shell.ui;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.consilium.notify.DevMailbox;
import org.consilium.shell.MainLayout;
import org.consilium.tenant.AnySite;

import org.springframework.beans.factory.ObjectProvider;

/**
 * Development only: the e-mails the platform would have sent, when no mail server is
 * configured. Says so at the top; answers "not found" wherever e-mails really go out.
 */
@Route(value = "dev/mailbox", layout = MainLayout.class)
@AnonymousAllowed
@AnySite
class DevMailboxView extends Div implements BeforeEnterObserver, HasDynamicTitle {

	private final transient DevMailbox mailbox;

	DevMailboxView(ObjectProvider<DevMailbox> mailbox) {
		this.mailbox = mailbox.getIfAvailable();
	}

	@Override
	public void beforeEnter(BeforeEnterEvent event) {
		if (this.mailbox == null) {
			event.rerouteToError(NotFoundException.class);
			return;
		}
		removeAll();
		Paragraph warning = new Paragraph(getTranslation("mailbox.warning"));
		warning.addClassName("notice");
		warning.setId("mailbox-warning");
		add(new H1(getTranslation("mailbox.title")), warning);
		var messages = this.mailbox.messages();
		if (messages.isEmpty()) {
			add(new Paragraph(getTranslation("mailbox.empty")));
		}
		DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
		for (DevMailbox.Entry entry : messages) {
			Details details = new Details(
					time.format(entry.receivedAt()) + " · " + entry.to() + " · " + entry.subject(),
					new Html("<div>" + sanitizedBody(entry.html()) + "</div>"));
			details.addClassName("card");
			details.getElement().setAttribute("data-to", entry.to());
			add(details);
		}
	}

	/** Our own rendered HTML, without the document wrapper. */
	private static String sanitizedBody(String html) {
		int start = html.indexOf("<body");
		int end = html.lastIndexOf("</body>");
		if (start < 0 || end < 0) {
			return "";
		}
		return html.substring(html.indexOf('>', start) + 1, end);
	}

	@Override
	public String getPageTitle() {
		return getTranslation("mailbox.title");
	}

}

package org.consilium.shell.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.consilium.identity.Roles;
import org.consilium.notify.OutboxAdministration;
import org.consilium.shell.MainLayout;
import org.consilium.tenant.OperatorRoute;

/**
 * Platform admins: messages parked after their last attempt, across programmes, with a
 * way to send each again once the cause is fixed.
 */
@Route(value = "operator/messages", layout = MainLayout.class)
@RolesAllowed(Roles.PLATFORM_ADMIN)
@OperatorRoute
class FailedMessagesView extends Div implements HasDynamicTitle {

	private final transient OutboxAdministration outbox;

	private final Grid<OutboxAdministration.FailedMessage> grid = new Grid<>();

	FailedMessagesView(OutboxAdministration outbox) {
		this.outbox = outbox;
		add(new H1(getTranslation("outbox.title")));
		this.grid.setId("failed-messages");
		this.grid.addColumn((m) -> m.tenant().value()).setHeader(getTranslation("outbox.programme")).setAutoWidth(true);
		this.grid.addColumn((m) -> m.kind().key()).setHeader(getTranslation("outbox.kind")).setAutoWidth(true);
		this.grid.addColumn(OutboxAdministration.FailedMessage::recipient)
			.setHeader(getTranslation("outbox.recipient"));
		this.grid.addColumn(OutboxAdministration.FailedMessage::attempts).setHeader(getTranslation("outbox.attempts"));
		this.grid.addColumn(OutboxAdministration.FailedMessage::lastError).setHeader(getTranslation("outbox.error"));
		this.grid.addComponentColumn((m) -> new Button(getTranslation("outbox.retry"), (event) -> {
			this.outbox.retry(m.tenant(), m.id());
			Notification.show(getTranslation("outbox.retried")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
			refresh();
		}));
		this.grid.setAllRowsVisible(true);
		Div card = new Div(this.grid);
		card.addClassName("card");
		add(card);
		refresh();
	}

	private void refresh() {
		var failed = this.outbox.failed();
		this.grid.setItems(failed);
		this.grid.setVisible(!failed.isEmpty());
		getChildren().filter((c) -> "outbox-empty".equals(c.getId().orElse(null))).toList().forEach(this::remove);
		if (failed.isEmpty()) {
			Paragraph empty = new Paragraph(getTranslation("outbox.empty"));
			empty.setId("outbox-empty");
			add(empty);
		}
	}

	@Override
	public String getPageTitle() {
		return getTranslation("outbox.title");
	}

}

package org.consilium.notify.internal;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import org.consilium.identity.ConsiliumUser;
import org.consilium.notify.Notice;
import org.consilium.notify.Notifications;
import org.consilium.notify.OutboxAdministration.FailedMessage;
import org.consilium.support.IntegrationTest;
import org.consilium.support.KaribuSite;
import org.consilium.support.MutableClock;
import org.consilium.support.TestMail;
import org.consilium.support.TransportFaults;
import org.consilium.support.Users;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.TenantId;
import org.consilium.tenantconfig.NotificationKind;
import org.consilium.tenantconfig.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.consilium.notify.internal.OutboxRows.address;
import static org.consilium.notify.internal.OutboxRows.attempts;
import static org.consilium.notify.internal.OutboxRows.messageId;
import static org.consilium.notify.internal.OutboxRows.status;
import static org.consilium.notify.internal.OutboxRows.waitUntil;

/**
 * The platform admin's page of failed messages: a message parked after its last attempt
 * is listed, and its "Send again" button delivers it once the cause is fixed and takes it
 * off the list.
 */
@IntegrationTest
class FailedMessagesPageIT {

	static final ConsiliumUser ADMIN = Users.operator("failed-messages-admin", Role.PLATFORM_ADMIN);

	@Autowired
	ApplicationContext context;

	@Autowired
	Notifications notifications;

	@Autowired
	OutboxDispatcher dispatcher;

	@Autowired
	NotifyProperties properties;

	@Autowired
	MutableClock clock;

	@AfterEach
	void heal() {
		TransportFaults.reset();
	}

	@Test
	@SuppressWarnings("unchecked")
	void a_parked_message_is_listed_and_sent_again_from_the_page() throws Exception {
		String to = address();
		TransportFaults.refuseSendsTo(to);
		UUID id = TenantContext.callAs(TenantId.of("globex"),
				() -> this.notifications.send(Notice.email(NotificationKind.RECORDS_REQUESTED, to, "Lucía",
						Locale.ENGLISH, "http://globex.localhost:8080/cases")));
		waitUntil(() -> attempts("globex", id) == 1);
		for (int attempt = 2; attempt <= this.properties.maxAttempts(); attempt++) {
			this.clock.advance(Duration.ofHours(7));
			this.dispatcher.dispatchDue();
			int expected = attempt;
			waitUntil(() -> attempts("globex", id) == expected);
		}
		assertThat(status("globex", id)).isEqualTo("FAILED");
		// The cause is fixed (the recipient's mailbox exists again).
		TransportFaults.reset();

		try (KaribuSite site = KaribuSite.open(this.context, null, Locale.ENGLISH)
			.signIn(ADMIN)
			.navigate("operator/messages")) {
			Grid<FailedMessage> grid = _get(Grid.class, (spec) -> spec.withId("failed-messages"));
			List<FailedMessage> listed = GridKt._findAll(grid);
			FailedMessage parked = listed.stream().filter((m) -> m.id().equals(id)).findFirst().orElseThrow();
			assertThat(parked.recipient()).isEqualTo(to);
			assertThat(parked.attempts()).isEqualTo(this.properties.maxAttempts());
			assertThat(parked.lastError()).contains("550 no such mailbox");
			assertThat(GridKt._getFormattedRow(grid, listed.indexOf(parked))).contains("globex", "records-requested",
					to);

			_click(retryButton(grid, parked));

			assertThat(GridKt._findAll(grid)).as("off the list").noneMatch((m) -> m.id().equals(id));
		}
		assertThat(TestMail.get().latestTo(to).getSubject())
			.isEqualTo("Records are needed for a case at Globex Second Opinion");
		waitUntil(() -> "SENT".equals(status("globex", id)));
		assertThat(TestMail.get().to(to)).singleElement()
			.satisfies((mail) -> assertThat(mail.getHeader("Message-ID")).containsExactly(messageId("globex", id)));
	}

	/** The row's "Send again" button (its column has no key: the last one). */
	@SuppressWarnings("unchecked")
	private static Button retryButton(Grid<FailedMessage> grid, FailedMessage message) {
		Grid.Column<FailedMessage> last = grid.getColumns().get(grid.getColumns().size() - 1);
		Button button = ((ComponentRenderer<Button, FailedMessage>) last.getRenderer()).createComponent(message);
		assertThat(button.getText()).isEqualTo("Send again");
		return button;
	}

}

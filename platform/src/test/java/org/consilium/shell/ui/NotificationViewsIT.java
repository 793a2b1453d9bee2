package org.consilium.shell.ui;

import java.util.Locale;
import java.util.UUID;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import org.consilium.identity.ConsiliumUser;
import org.consilium.notify.Notice;
import org.consilium.notify.Notifications;
import org.consilium.support.IntegrationTest;
import org.consilium.support.KaribuSite;
import org.consilium.support.Users;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.TenantId;
import org.consilium.tenantconfig.NotificationKind;
import org.consilium.tenantconfig.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bell with its unread count, the notices page, and the platform admin's
 * failed-messages page.
 */
@IntegrationTest
class NotificationViewsIT {

	@Autowired
	ApplicationContext context;

	@Autowired
	Notifications notifications;

	@Test
	void the_bell_counts_unread_notices_and_the_list_marks_them_read() {
		ConsiliumUser patient = Users.user("globex", "bell-" + UUID.randomUUID().toString().substring(0, 6),
				Role.PATIENT);
		TenantContext.runAs(TenantId.of("globex"), () -> {
			this.notifications.send(
					Notice
						.email(NotificationKind.RECORDS_REQUESTED, "bell@example.com", patient.displayName(),
								Locale.ENGLISH, "http://globex.localhost:8080/cases")
						.toUser(patient.id()));
			this.notifications.send(
					Notice
						.email(NotificationKind.CASE_STATUS_UPDATE, "bell@example.com", patient.displayName(),
								Locale.ENGLISH, "http://globex.localhost:8080/cases")
						.toUser(patient.id()));
		});
		try (KaribuSite site = KaribuSite.open(this.context, TenantId.of("globex"), Locale.forLanguageTag("es"))
			.signIn(patient)
			// The frame was built before the sign-in; leaving it (as a page reload does)
			// builds it anew.
			.navigate("login")
			.navigate("notifications")) {
			assertThat(_get(Span.class, (spec) -> spec.withId("unread-count")).getText()).isEqualTo("2");
			assertThat(_find(Anchor.class, (spec) -> spec.withText("Novedades sobre su caso en Globex Second Opinion")))
				.hasSize(1);
			_click(_get(Button.class, (spec) -> spec.withId("mark-all-read")));
		}
		TenantContext.runAs(TenantId.of("globex"), () -> assertThat(this.notifications.unread(patient.id())).isZero());
	}

	@Test
	void the_failed_messages_page_is_for_platform_admins_on_the_operator_site() {
		try (KaribuSite site = KaribuSite.open(this.context, null, Locale.ENGLISH)
			.signIn(Users.operator("outbox-page-admin", Role.PLATFORM_ADMIN))
			.navigate("operator/messages")) {
			assertThat(_find(Grid.class, (spec) -> spec.withId("failed-messages")).size()
					+ _find(com.vaadin.flow.component.html.Paragraph.class, (spec) -> spec.withId("outbox-empty"))
						.size())
				.isEqualTo(1);
		}
		try (KaribuSite site = KaribuSite.open(this.context, null, Locale.ENGLISH)
			.signIn(Users.operator("outbox-page-triage", Role.TRIAGE))
			.navigate("operator/messages")) {
			assertThat(_find(Grid.class, (spec) -> spec.withId("failed-messages"))).isEmpty();
		}
		try (KaribuSite site = KaribuSite.open(this.context, TenantId.of("public"), Locale.ENGLISH)
			.signIn(Users.user("public", "outbox-page-admin", Role.TENANT_ADMIN))
			.navigate("operator/messages")) {
			assertThat(_find(Div.class, (spec) -> spec.withId("not-found"))).hasSize(1);
		}
	}

}

package org.consilium.notify.internal;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import org.consilium.notify.Notice;
import org.consilium.notify.Notifications;
import org.consilium.notify.OutboxAdministration;
import org.consilium.support.IntegrationTest;
import org.consilium.support.MutableClock;
import org.consilium.support.TestDatabase;
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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox against a real SMTP server (GreenMail): messages commit with their change,
 * arrive branded per tenant and language, survive a crash and an SMTP outage, and are
 * never doubled from the recipient's point of view (one Message-ID).
 */
@IntegrationTest
class OutboxIT {

	@Autowired
	Notifications notifications;

	@Autowired
	OutboxDispatcher dispatcher;

	@Autowired
	OutboxAdministration administration;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	MutableClock clock;

	@AfterEach
	void heal() {
		TransportFaults.reset();
	}

	@Test
	void a_message_arrives_branded_for_its_tenant_in_the_recipients_language_with_its_message_id() throws Exception {
		String to = address();
		UUID id = send("globex", Notice.email(NotificationKind.OPINION_READY, to, "Dra. Ana Ruiz",
				Locale.forLanguageTag("es"), "http://globex.localhost:8080/cases/C-7KQ3-M9XD"));
		MimeMessage mail = TestMail.get().latestTo(to);
		assertThat(mail.getSubject())
			.isEqualTo("Hay una segunda opinión lista para su paciente en Globex Second Opinion");
		assertThat(mail.getHeader("Message-ID")[0]).isEqualTo(messageId("globex", id));
		String body = TestMail.content(mail);
		assertThat(body).contains("#1e7a46")
			.contains("Globex Second Opinion")
			.contains("Hola, Dra. Ana Ruiz")
			.contains("http://globex.localhost:8080/branding/logo")
			.doesNotContain("#b01e28", "#1a5fb4", "Acme");
		assertThat(mail.getFrom()[0].toString()).contains("Globex Second Opinion");
	}

	@Test
	void no_message_of_one_tenant_is_rendered_with_another_tenants_branding() throws Exception {
		String acme = address();
		String publicAddress = address();
		send("acme", Notice.email(NotificationKind.CASE_STATUS_UPDATE, acme, "Alex", Locale.ENGLISH,
				"http://acme.localhost:8080/cases"));
		send("public", Notice.email(NotificationKind.CASE_STATUS_UPDATE, publicAddress, "Pat", Locale.ENGLISH,
				"http://public.localhost:8080/cases"));
		String acmeBody = TestMail.content(TestMail.get().latestTo(acme));
		String publicBody = TestMail.content(TestMail.get().latestTo(publicAddress));
		assertThat(acmeBody).contains("#b01e28", "Acme Expert Medical Opinion", "benefits@acme.example")
			.doesNotContain("#1a5fb4", "Consilium Second Opinion");
		assertThat(publicBody).contains("#1a5fb4", "Consilium Second Opinion", "help@consilium.example")
			.doesNotContain("#b01e28", "Acme");
		assertThat(TestMail.get().latestTo(acme).getSubject())
			.isEqualTo("News about your case at Acme Expert Medical Opinion");
	}

	@Test
	void a_rolled_back_change_sends_nothing() throws Exception {
		String to = address();
		TenantContext.runAs(TenantId.of("public"),
				() -> new TransactionTemplate(this.transactionManager).executeWithoutResult((status) -> {
					this.notifications.send(Notice.email(NotificationKind.CASE_CLOSED, to, "Pat", Locale.ENGLISH,
							"http://public.localhost:8080/cases"));
					status.setRollbackOnly();
				}));
		// A committed message to the same address, sent after it, is the barrier: once it
		// has
		// arrived, anything the rolled-back change could have sent would have too.
		TenantContext.runAs(TenantId.of("public"),
				() -> new TransactionTemplate(this.transactionManager).executeWithoutResult(
						(status) -> this.notifications.send(Notice.email(NotificationKind.CASE_STATUS_UPDATE, to, "Pat",
								Locale.ENGLISH, "http://public.localhost:8080/cases"))));
		this.dispatcher.dispatchDue();
		waitUntil(() -> !TestMail.get().to(to).isEmpty());
		assertThat(TestMail.get().to(to)).extracting((message) -> message.getSubject())
			.singleElement()
			.asString()
			.startsWith("News about your case");
		assertThat(TestDatabase.get()
			.adminJdbc()
			.queryForObject(
					"select count(*) from notification_outbox where recipient_email = ? and kind = 'CASE_CLOSED'",
					Long.class, to))
			.isZero();
	}

	@Test
	void a_crash_between_hand_over_and_commit_reaches_the_recipient_as_one_message() throws Exception {
		String to = address();
		TransportFaults.crashAfterNextSendTo(to);
		UUID id = send("public", Notice.email(NotificationKind.RECORDS_RECEIVED, to, "Pat", Locale.ENGLISH,
				"http://public.localhost:8080/cases"));
		// The send right after the commit crashed; the next dispatcher run (the restarted
		// node) sends it again. Driven here rather than waiting for the scheduler's turn.
		waitUntil(() -> {
			this.dispatcher.dispatchDue();
			return "SENT".equals(status("public", id));
		});
		// GreenMail may store the last copy a moment after the sender got its reply.
		waitUntil(() -> TestMail.get().to(to).size() >= 2);
		List<MimeMessage> copies = TestMail.get().to(to);
		assertThat(copies).as("handed over, crashed, sent again").hasSizeGreaterThanOrEqualTo(2);
		for (MimeMessage copy : copies) {
			assertThat(copy.getHeader("Message-ID")[0]).isEqualTo(messageId("public", id));
		}
		assertThat(attempts("public", id)).as("the crashed attempt was never recorded").isEqualTo(1);
	}

	@Test
	void entries_that_cannot_be_sent_yet_neither_stall_the_dispatcher_nor_hide_the_messages_behind_them()
			throws Exception {
		// More unsendable queue entries than one batch, due before everything else (their
		// messages are missing here; in life: locked by another node, or failing).
		var jdbc = TestDatabase.get().adminJdbc();
		List<UUID> stuck = new java.util.ArrayList<>();
		for (int i = 0; i < OutboxDispatcher.BATCH + 10; i++) {
			UUID orphan = UUID.randomUUID();
			stuck.add(orphan);
			jdbc.update(
					"insert into outbox_queue (tenant_id, message_id, state, due_at) values ('public', ?, 'DUE', ?)",
					orphan, java.sql.Timestamp.from(this.clock.instant().minus(Duration.ofDays(1))));
		}
		try {
			String to = address();
			TransportFaults.crashAfterNextSendTo(to);
			UUID id = send("public", Notice.email(NotificationKind.RECORDS_RECEIVED, to, "Pat", Locale.ENGLISH,
					"http://public.localhost:8080/cases"));
			waitUntil(() -> {
				org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(10),
						() -> this.dispatcher.dispatchDue(), "one dispatcher run walks the queue once and ends");
				return "SENT".equals(status("public", id));
			});
			assertThat(TestMail.get().to(to)).isNotEmpty();
		}
		finally {
			jdbc.update("delete from outbox_queue where tenant_id = 'public' and message_id = any(?)",
					(Object) stuck.toArray(new UUID[0]));
		}
	}

	@Test
	void an_smtp_outage_is_retried_with_back_off_then_parked_then_retried_by_an_admin() throws Exception {
		String to = address();
		TestMail.get().stop();
		UUID id;
		try {
			id = send("acme", Notice.email(NotificationKind.PAYMENT_ACTION_NEEDED, to, "Alex", Locale.ENGLISH,
					"http://acme.localhost:8080/cases"));
			waitUntil(() -> attempts("acme", id) == 1);
			assertThat(status("acme", id)).isEqualTo("PENDING");
			this.dispatcher.dispatchDue();
			assertThat(attempts("acme", id)).as("not due again before its back-off").isEqualTo(1);
			for (int attempt = 2; attempt <= 6; attempt++) {
				this.clock.advance(Duration.ofHours(7));
				this.dispatcher.dispatchDue();
				int expected = attempt;
				waitUntil(() -> attempts("acme", id) == expected);
			}
			assertThat(status("acme", id)).isEqualTo("FAILED");
			assertThat(Users.as(Users.operator("outbox-admin", Role.PLATFORM_ADMIN), this.administration::failed))
				.anySatisfy((failed) -> assertThat(failed.id()).isEqualTo(id));
		}
		finally {
			TestMail.get().start();
		}
		Users.as(Users.operator("outbox-admin", Role.PLATFORM_ADMIN), () -> {
			this.administration.retry(TenantId.of("acme"), id);
			return null;
		});
		assertThat(TestMail.get().latestTo(to).getSubject()).contains("Action needed for your payment");
		waitUntil(() -> "SENT".equals(status("acme", id)));
		assertThat(Users.as(Users.operator("outbox-admin", Role.PLATFORM_ADMIN), this.administration::failed))
			.noneSatisfy((failed) -> assertThat(failed.id()).isEqualTo(id));
	}

	@Test
	void users_see_their_notices_in_the_app_with_an_unread_count() {
		String user = UUID.randomUUID().toString();
		send("globex",
				Notice
					.email(NotificationKind.RECORDS_REQUESTED, address(), "Lucía", Locale.ENGLISH,
							"http://globex.localhost:8080/cases")
					.toUser(user));
		TenantContext.runAs(TenantId.of("globex"), () -> {
			assertThat(this.notifications.unread(user)).isEqualTo(1);
			var inbox = this.notifications.inbox(user, 10);
			assertThat(inbox).singleElement()
				.satisfies((notice) -> assertThat(notice.kind()).isEqualTo(NotificationKind.RECORDS_REQUESTED));
			this.notifications.markRead(user, inbox.get(0).id());
			assertThat(this.notifications.unread(user)).isZero();
		});
		TenantContext.runAs(TenantId.of("public"),
				() -> assertThat(this.notifications.inbox(user, 10)).as("the same user id in another tenant")
					.isEmpty());
	}

	private UUID send(String tenant, Notice notice) {
		return TenantContext.callAs(TenantId.of(tenant), () -> this.notifications.send(notice));
	}

	private static String address() {
		return "notice-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
	}

	private static Map<String, Object> row(String tenant, UUID id) {
		return TestDatabase.get()
			.adminJdbc()
			.queryForMap("select * from notification_outbox where tenant_id = ? and id = ?", tenant, id);
	}

	private static String status(String tenant, UUID id) {
		return (String) row(tenant, id).get("status");
	}

	private static int attempts(String tenant, UUID id) {
		return ((Number) row(tenant, id).get("attempts")).intValue();
	}

	private static String messageId(String tenant, UUID id) {
		return (String) row(tenant, id).get("message_id");
	}

	private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Condition not reached in 20 seconds");
			}
			Thread.sleep(100);
		}
	}

}

package org.consilium.notify.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.kagkarlsson.scheduler.Scheduler;
import jakarta.mail.internet.MimeMessage;
import org.consilium.notify.Notice;
import org.consilium.notify.Notifications;
import org.consilium.notify.OutboxAdministration;
import org.consilium.support.IntegrationTest;
import org.consilium.support.MutableClock;
import org.consilium.support.TestMail;
import org.consilium.support.Users;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.TenantId;
import org.consilium.tenant.Tenants;
import org.consilium.tenantconfig.NotificationKind;
import org.consilium.tenantconfig.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.task.TaskExecutor;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consilium.notify.internal.OutboxRows.address;
import static org.consilium.notify.internal.OutboxRows.attempts;
import static org.consilium.notify.internal.OutboxRows.lastError;
import static org.consilium.notify.internal.OutboxRows.messageId;
import static org.consilium.notify.internal.OutboxRows.nextAttemptAt;
import static org.consilium.notify.internal.OutboxRows.queueState;
import static org.consilium.notify.internal.OutboxRows.status;
import static org.consilium.notify.internal.OutboxRows.waitUntil;

/**
 * The outbox recovers from what is not an SMTP refusal: a message that cannot be prepared
 * (rendering fails, its programme left the catalog) counts its attempts with growing
 * back-off and is parked where a platform admin sees it, instead of being tried forever;
 * a message committed while its node went down (the send right after the commit never
 * ran) is delivered once by the next dispatcher run.
 */
@IntegrationTest
class OutboxRecoveryIT {

	static final String PUBLIC = "public";

	@Autowired
	Notifications notifications;

	@Autowired
	OutboxDispatcher dispatcher;

	@Autowired
	OutboxAdministration administration;

	@Autowired
	OutboxRepository outbox;

	@Autowired
	OutboxQueue queue;

	@Autowired
	InAppNoticeRepository notices;

	@Autowired
	MessageRenderer renderer;

	@Autowired
	MailTransport transport;

	@Autowired
	Tenants tenants;

	@Autowired
	NotifyProperties properties;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Scheduler scheduler;

	@Autowired
	MutableClock clock;

	@Test
	void a_message_that_cannot_be_rendered_counts_its_attempts_with_growing_back_off_and_is_parked_for_admins()
			throws Exception {
		String to = address();
		Instant firstAttempt = this.clock.instant();
		// A link that is not a URL: the renderer cannot place the programme's logo.
		UUID id = send(PUBLIC, Notice.email(NotificationKind.CASE_STATUS_UPDATE, to, "Pat", Locale.ENGLISH,
				"http://public.localhost:8080/cases/not a link"));
		waitUntil(() -> attempts(PUBLIC, id) == 1);
		assertThat(status(PUBLIC, id)).isEqualTo("PENDING");
		assertThat(lastError(PUBLIC, id)).startsWith("Could not be prepared").contains("Illegal character");
		Duration firstDelay = Duration.between(firstAttempt, nextAttemptAt(PUBLIC, id));
		assertThat(firstDelay).isEqualTo(this.properties.firstRetry());

		this.dispatcher.dispatchDue();
		assertThat(attempts(PUBLIC, id)).as("not due again before its back-off").isEqualTo(1);

		this.clock.advance(firstDelay);
		Instant secondAttempt = this.clock.instant();
		this.dispatcher.dispatchDue();
		waitUntil(() -> attempts(PUBLIC, id) == 2);
		Duration secondDelay = Duration.between(secondAttempt, nextAttemptAt(PUBLIC, id));
		assertThat(secondDelay).as("the back-off grows")
			.isGreaterThan(firstDelay)
			.isEqualTo(firstDelay.multipliedBy(2));

		for (int attempt = 3; attempt <= this.properties.maxAttempts(); attempt++) {
			this.clock.advance(Duration.ofHours(7));
			this.dispatcher.dispatchDue();
			int expected = attempt;
			waitUntil(() -> attempts(PUBLIC, id) == expected);
		}
		assertThat(status(PUBLIC, id)).isEqualTo("FAILED");
		assertThat(queueState(PUBLIC, id)).isEqualTo("FAILED");
		assertThat(failed()).filteredOn((failed) -> failed.id().equals(id)).singleElement().satisfies((failed) -> {
			assertThat(failed.attempts()).isEqualTo(this.properties.maxAttempts());
			assertThat(failed.lastError()).startsWith("Could not be prepared");
		});
		assertThat(TestMail.get().to(to)).isEmpty();
	}

	@Test
	void a_message_of_a_programme_gone_from_the_catalog_is_parked_after_its_attempts() throws Exception {
		String gone = "retired-programme";
		assertThat(this.tenants.find(TenantId.of(gone))).isEmpty();
		String to = address();
		UUID id = send(gone, Notice.email(NotificationKind.CASE_CLOSED, to, "Pat", Locale.ENGLISH,
				"http://retired-programme.localhost:8080/cases"));
		waitUntil(() -> attempts(gone, id) == 1);
		assertThat(lastError(gone, id)).contains("Tenant retired-programme is not in the catalog");
		for (int attempt = 2; attempt <= this.properties.maxAttempts(); attempt++) {
			this.clock.advance(Duration.ofHours(7));
			this.dispatcher.dispatchDue();
			int expected = attempt;
			waitUntil(() -> attempts(gone, id) == expected);
		}
		assertThat(status(gone, id)).isEqualTo("FAILED");
		assertThat(failed()).anySatisfy((failed) -> {
			assertThat(failed.id()).isEqualTo(id);
			assertThat(failed.tenant()).isEqualTo(TenantId.of(gone));
		});
	}

	@Test
	void a_message_committed_while_its_node_goes_down_is_delivered_once_by_the_next_dispatcher_run() throws Exception {
		// The node that writes the message is shutting down: its executor refuses the
		// send
		// that should follow the commit, and no dispatcher runs here until it is "back".
		AtomicInteger refused = new AtomicInteger();
		TaskExecutor shuttingDown = (task) -> {
			refused.incrementAndGet();
			throw new TaskRejectedException("Executor is shutting down");
		};
		NotificationService goingDown = new NotificationService(this.outbox, this.queue, this.notices,
				new OutboxDispatcher(this.outbox, this.queue, this.renderer, this.transport, this.tenants,
						this.properties, this.transactionManager, shuttingDown, this.clock),
				this.properties, this.transactionManager, this.jdbc, this.clock);
		String to = address();
		UUID id;
		this.scheduler.pause();
		try {
			waitUntil(() -> this.scheduler.getCurrentlyExecuting().isEmpty());
			id = send(goingDown, PUBLIC, Notice.email(NotificationKind.RECORDS_REQUESTED, to, "Pat", Locale.ENGLISH,
					"http://public.localhost:8080/cases"));
			assertThat(refused).as("the send after the commit never ran").hasValue(1);
			assertThat(status(PUBLIC, id)).as("committed").isEqualTo("PENDING");
			assertThat(attempts(PUBLIC, id)).isZero();
			assertThat(queueState(PUBLIC, id)).isEqualTo("DUE");
			// (Other nodes may send it meanwhile — other cached test contexts are such
			// nodes — which is what a cluster should do; once is all that counts.)
		}
		finally {
			this.scheduler.resume();
		}

		// Started again: the next dispatcher run, here or on another node, delivers it.
		waitUntil(() -> {
			this.dispatcher.dispatchDue();
			return "SENT".equals(status(PUBLIC, id));
		});
		waitUntil(() -> !TestMail.get().to(to).isEmpty());
		this.dispatcher.dispatchDue();
		Thread.sleep(500);
		List<MimeMessage> received = TestMail.get().to(to);
		assertThat(received).as("exactly once").hasSize(1);
		assertThat(received.get(0).getHeader("Message-ID")).containsExactly(messageId(PUBLIC, id));
		assertThat(received.get(0).getSubject()).startsWith("Records are needed for a case");
		assertThat(attempts(PUBLIC, id)).isEqualTo(1);
		assertThat(queueState(PUBLIC, id)).isNull();
	}

	private List<OutboxAdministration.FailedMessage> failed() {
		return Users.as(Users.operator("outbox-admin", Role.PLATFORM_ADMIN), this.administration::failed);
	}

	private UUID send(String tenant, Notice notice) {
		return send(this.notifications, tenant, notice);
	}

	private static UUID send(Notifications service, String tenant, Notice notice) {
		return TenantContext.callAs(TenantId.of(tenant), () -> service.send(notice));
	}

}

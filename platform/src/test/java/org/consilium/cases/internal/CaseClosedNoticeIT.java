package org.consilium.cases.internal;

import java.time.Duration;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.consilium.cases.CaseBillingSettled;
import org.consilium.cases.CaseDetails;
import org.consilium.identity.ConsiliumUser;
import org.consilium.notify.Notifications;
import org.consilium.review.PublishedOpinions;
import org.consilium.review.internal.ReviewFixture;
import org.consilium.support.IntegrationTest;
import org.consilium.support.TestDatabase;
import org.consilium.support.TestMail;
import org.consilium.support.Users;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.TenantId;
import org.consilium.tenantconfig.NotificationKind;
import org.consilium.tenantconfig.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A case that closes (its opinion delivered, its billing settled) tells its patient once,
 * by e-mail and in the app, with a link to the case and nothing of the opinion.
 */
@IntegrationTest
class CaseClosedNoticeIT {

	static final TenantId ACME = TenantId.of("acme");

	@Autowired
	ApplicationContext context;

	@Autowired
	PublishedOpinions opinions;

	@Autowired
	Notifications notifications;

	@Autowired
	PlatformTransactionManager transactionManager;

	ReviewFixture fixture;

	@BeforeEach
	void fixture() {
		this.fixture = new ReviewFixture(this.context);
	}

	@AfterEach
	void retire() {
		this.fixture.retireSpecialists();
	}

	@Test
	void the_patient_hears_once_that_their_case_is_closed_with_a_link_to_it() throws Exception {
		ReviewFixture.Specialist author = this.fixture.specialist("Aa Closing Author", "cardiology", "acme-panel");
		this.fixture.specialist("Aa Closing Reader", "cardiology", "acme-panel");
		CaseDetails published = this.fixture.published(ACME, "cardiology", true, author);
		ConsiliumUser patient = this.fixture.demoUser(ACME, Role.PATIENT);
		String casePath = "/cases/" + published.reference().value();

		TenantContext.callAs(ACME, () -> Users.as(patient, () -> this.opinions.open(published.reference())));
		assertThat(written(casePath)).as("delivered, billing not settled: still open").isZero();
		TenantContext.runAs(ACME, () -> new TransactionTemplate(this.transactionManager)
			.executeWithoutResult((status) -> this.context.publishEvent(new CaseBillingSettled(ACME, published.id()))));

		assertThat(written(casePath)).isOne();
		awaitSent(casePath);
		// Its link ends at the case (the opinion's own e-mails link further, to
		// /opinion).
		List<MimeMessage> closed = TestMail.get().to(patient.username()).stream().filter((mail) -> {
			try {
				return mail.getSubject().endsWith("is closed") && TestMail.content(mail).contains(casePath + "\"");
			}
			catch (MessagingException ex) {
				throw new AssertionError(ex);
			}
		}).toList();
		assertThat(closed).singleElement().satisfies((mail) -> {
			assertThat(mail.getSubject()).isEqualTo("Your case at Acme Expert Medical Opinion is closed");
			assertThat(TestMail.link(mail, casePath)).startsWith("http://").endsWith(casePath);
			assertThat(TestMail.content(mail)).doesNotContain("Atrial fibrillation", "metoprolol");
		});
		assertThat(TenantContext.callAs(ACME, () -> this.notifications.inbox(patient.id(), 50)))
			.filteredOn((notice) -> notice.kind() == NotificationKind.CASE_CLOSED && notice.link().endsWith(casePath))
			.hasSize(1);
	}

	/** CASE_CLOSED messages in the outbox that link to the case. */
	private static long written(String casePath) {
		return TestDatabase.get()
			.adminJdbc()
			.queryForObject("select count(*) from notification_outbox where kind = 'CASE_CLOSED' and link like ?",
					Long.class, "%" + casePath);
	}

	private static void awaitSent(String casePath) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (TestDatabase.get()
			.adminJdbc()
			.queryForObject("select count(*) from notification_outbox where kind = 'CASE_CLOSED' and link like ? "
					+ "and status <> 'SENT'", Long.class, "%" + casePath) > 0) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("The message linking to " + casePath + " was not sent");
			}
			Thread.sleep(50);
		}
		// GreenMail may store a message a moment after the sender got its reply.
		Thread.sleep(300);
	}

}

package org.consilium.records.internal;

import java.time.Duration;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.consilium.cases.CaseDetails;
import org.consilium.cases.CaseMaterials.MaterialChannel;
import org.consilium.cases.Cases;
import org.consilium.identity.ConsiliumUser;
import org.consilium.identity.DemoAccounts;
import org.consilium.notify.Notifications;
import org.consilium.records.MaterialArrivals;
import org.consilium.records.Records;
import org.consilium.records.TestFiles;
import org.consilium.support.IntegrationTest;
import org.consilium.support.MutableClock;
import org.consilium.support.TestDatabase;
import org.consilium.support.TestMail;
import org.consilium.support.Users;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.TenantId;
import org.consilium.tenantconfig.NotificationKind;
import org.consilium.tenantconfig.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Records reaching a case tell its patient by e-mail and in the app, once however many
 * files came (at most once in 24 hours per case), with a link to the case's records and
 * nothing about them; the patient's own uploads tell nobody.
 */
@IntegrationTest
class RecordsReceivedNoticeIT {

	static final TenantId PUBLIC = TenantId.of("public");

	static final ConsiliumUser COORDINATOR = Users.user("public", "rrn-coordinator", Role.CASE_COORDINATOR);

	@Autowired
	Cases cases;

	@Autowired
	Records records;

	@Autowired
	MaterialArrivals arrivals;

	@Autowired
	DemoAccounts demo;

	@Autowired
	Notifications notifications;

	@Autowired
	MutableClock clock;

	ConsiliumUser patient;

	CaseDetails medicalCase;

	String recordsPath;

	@BeforeEach
	void openCase() {
		this.patient = this.demo.usersOf(PUBLIC)
			.stream()
			.filter((user) -> user.has(Role.PATIENT))
			.findFirst()
			.orElseThrow();
		this.medicalCase = RecordsSupport.openCase(this.cases, PUBLIC, this.patient);
		this.recordsPath = "/cases/" + this.medicalCase.reference().value() + "/records";
	}

	@Test
	void records_arriving_file_by_file_tell_the_patient_once_with_a_link_to_the_cases_records() throws Exception {
		RecordsSupport.upload(this.records, PUBLIC, this.patient, this.medicalCase, "my own letter.pdf",
				TestFiles.pdf(1));
		assertThat(written()).as("the patient's own upload").isZero();

		RecordsSupport.upload(this.records, PUBLIC, COORDINATOR, this.medicalCase, "hospital letter.pdf",
				TestFiles.pdf(1));
		RecordsSupport.upload(this.records, PUBLIC, COORDINATOR, this.medicalCase, "mri report.pdf", TestFiles.pdf(2));
		TenantContext.runAs(PUBLIC, () -> Users.as(COORDINATOR, () -> {
			this.arrivals.logArrival(this.medicalCase.id(), MaterialChannel.FAX, "Discharge summary from St. Mary's",
					null, null);
			return null;
		}));

		assertThat(written()).as("three arrivals, one notice").isOne();
		awaitSent();
		List<MimeMessage> mails = mailsAboutThisCase();
		assertThat(mails).singleElement().satisfies((mail) -> {
			assertThat(mail.getSubject()).isEqualTo("We received records for your case at Consilium Second Opinion");
			assertThat(TestMail.link(mail, this.recordsPath)).startsWith("http://").endsWith(this.recordsPath);
			assertThat(TestMail.content(mail)).contains("Hello Pat Morgan")
				.doesNotContain("hospital letter", "mri report", "Discharge summary");
		});
		assertThat(TenantContext.callAs(PUBLIC, () -> this.notifications.inbox(this.patient.id(), 50)))
			.filteredOn((notice) -> notice.link().endsWith(this.recordsPath))
			.singleElement()
			.satisfies((notice) -> assertThat(notice.kind()).isEqualTo(NotificationKind.RECORDS_RECEIVED));
	}

	@Test
	void records_arriving_again_a_day_later_tell_the_patient_again() throws Exception {
		RecordsSupport.upload(this.records, PUBLIC, COORDINATOR, this.medicalCase, "first letter.pdf",
				TestFiles.pdf(1));
		this.clock.advance(Duration.ofHours(23));
		RecordsSupport.upload(this.records, PUBLIC, COORDINATOR, this.medicalCase, "second letter.pdf",
				TestFiles.pdf(1));
		assertThat(written()).as("within 24 hours").isOne();
		this.clock.advance(Duration.ofHours(2));
		RecordsSupport.upload(this.records, PUBLIC, COORDINATOR, this.medicalCase, "third letter.pdf",
				TestFiles.pdf(1));
		assertThat(written()).as("more than 24 hours after the first").isEqualTo(2);
		awaitSent();
		assertThat(mailsAboutThisCase()).hasSize(2);
	}

	/** RECORDS_RECEIVED messages in the outbox that link to this case's records. */
	private long written() {
		return TestDatabase.get()
			.adminJdbc()
			.queryForObject("select count(*) from notification_outbox where kind = 'RECORDS_RECEIVED' and link like ?",
					Long.class, "%" + this.recordsPath);
	}

	private void awaitSent() throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (TestDatabase.get()
			.adminJdbc()
			.queryForObject("select count(*) from notification_outbox where link like ? and status <> 'SENT'",
					Long.class, "%" + this.recordsPath) > 0) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Messages linking to " + this.recordsPath + " were not all sent");
			}
			Thread.sleep(50);
		}
		// GreenMail may store a message a moment after the sender got its reply.
		Thread.sleep(300);
	}

	private List<MimeMessage> mailsAboutThisCase() {
		return TestMail.get().to(this.patient.username()).stream().filter((mail) -> {
			try {
				return mail.getSubject().startsWith("We received records")
						&& TestMail.content(mail).contains(this.recordsPath);
			}
			catch (MessagingException ex) {
				throw new AssertionError(ex);
			}
		}).toList();
	}

}

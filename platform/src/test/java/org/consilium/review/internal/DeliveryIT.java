package org.consilium.review.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.consilium.cases.CaseBillingSettled;
import org.consilium.cases.CaseDetails;
import org.consilium.cases.CaseStatus;
import org.consilium.identity.ConsiliumUser;
import org.consilium.review.OpinionNotAvailableException;
import org.consilium.review.PublishedOpinion;
import org.consilium.review.PublishedOpinions;
import org.consilium.review.internal.ReviewFixture.Specialist;
import org.consilium.support.IntegrationTest;
import org.consilium.support.TestMail;
import org.consilium.support.Users;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.TenantId;
import org.consilium.tenantconfig.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The published opinion reaches its readers: on a doctor-first programme the patient
 * waits for the doctor, whose first opening tells the patient exactly once even when two
 * openings race; on a doctor-and-patient programme the patient reads at once. The case
 * closes only when delivery is done and billing is settled. (The PDF over HTTP:
 * {@link OpinionPdfHttpIT}.)
 */
@IntegrationTest
class DeliveryIT {

	static final TenantId PUBLIC = TenantId.of("public");

	static final TenantId ACME = TenantId.of("acme");

	@Autowired
	ApplicationContext context;

	@Autowired
	PublishedOpinions opinions;

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
	void the_doctors_first_opening_tells_the_patient_exactly_once_even_when_two_race() throws Exception {
		Specialist author = this.fixture.specialist("Dr. Delivery Author", "cardiology", "general");
		CaseDetails published = this.fixture.published(PUBLIC, "cardiology", true, author);
		ConsiliumUser doctor = this.fixture.demoUser(PUBLIC, Role.REFERRING_PHYSICIAN);
		ConsiliumUser patient = this.fixture.demoUser(PUBLIC, Role.PATIENT);
		String reference = published.reference().value();

		assertThatThrownBy(() -> open(PUBLIC, patient, published)).isInstanceOf(OpinionNotAvailableException.class);

		CyclicBarrier together = new CyclicBarrier(2);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			List<Future<PublishedOpinion>> openings = List.of(threads.submit(() -> {
				together.await();
				return open(PUBLIC, doctor, published);
			}), threads.submit(() -> {
				together.await();
				return open(PUBLIC, doctor, published);
			}));
			for (Future<PublishedOpinion> opening : openings) {
				assertThat(opening.get().content().summary()).isEqualTo("Atrial fibrillation, well controlled.");
			}
		}
		finally {
			threads.shutdown();
		}
		open(PUBLIC, doctor, published);

		assertThat(this.fixture.status(published.id())).isEqualTo(CaseStatus.VIEWED_BY_PHYSICIAN);
		assertThat(this.fixture.admin.queryForObject("select delivered_at is not null from medical_case where id = ?",
				Boolean.class, published.id().value()))
			.isTrue();
		String link = "%/cases/" + reference + "/opinion";
		assertThat(this.fixture.admin.queryForObject(
				"select count(*) from notification_outbox where kind = 'DOCTOR_HAS_OPINION' and link like ?",
				Long.class, link))
			.isOne();
		assertThat(this.fixture.admin.queryForObject(
				"select count(*) from case_timeline where case_id = ? and args ->> 'status' = 'VIEWED_BY_PHYSICIAN'",
				Long.class, published.id().value()))
			.isOne();
		TestMail.get().awaitLink(patient.username(), "/cases/" + reference + "/opinion");
		awaitSent(link);
		assertThat(TestMail.get()
			.to(patient.username())
			.stream()
			.filter((message) -> TestMail.content(message).contains("/cases/" + reference + "/opinion"))).hasSize(1);

		PublishedOpinion read = open(PUBLIC, patient, published);
		assertThat(read.specialistName()).isEqualTo("Dr. Delivery Author");
		assertThat(read.audience()).isEqualTo(PublishedOpinion.Audience.DOCTOR);
	}

	@Test
	void on_a_doctor_and_patient_programme_the_patient_reads_at_once_and_billing_closes_the_case() {
		Specialist author = this.fixture.specialist("Aa Together Author", "cardiology", "acme-panel");
		this.fixture.specialist("Aa Together Reader", "cardiology", "acme-panel");
		CaseDetails published = this.fixture.published(ACME, "cardiology", true, author);
		ConsiliumUser patient = this.fixture.demoUser(ACME, Role.PATIENT);

		PublishedOpinion read = open(ACME, patient, published);

		assertThat(read.audience()).isEqualTo(PublishedOpinion.Audience.DOCTOR_AND_PATIENT);
		assertThat(read.content().answers()).hasSize(2);
		TestMail.get().awaitLink(patient.username(), "/cases/" + published.reference().value() + "/opinion");
		assertThat(this.fixture.status(published.id())).as("delivered, billing not settled")
			.isEqualTo(CaseStatus.PUBLISHED);
		billingSettled(ACME, published);
		assertThat(this.fixture.status(published.id())).isEqualTo(CaseStatus.CLOSED);
	}

	@Test
	void billing_settled_before_the_doctor_opens_closes_the_case_only_on_delivery() {
		Specialist author = this.fixture.specialist("Dr. Billing Author", "cardiology", "general");
		CaseDetails published = this.fixture.published(PUBLIC, "cardiology", true, author);

		billingSettled(PUBLIC, published);
		assertThat(this.fixture.status(published.id())).isEqualTo(CaseStatus.PUBLISHED);

		open(PUBLIC, this.fixture.demoUser(PUBLIC, Role.REFERRING_PHYSICIAN), published);
		assertThat(this.fixture.status(published.id())).isEqualTo(CaseStatus.CLOSED);
	}

	private PublishedOpinion open(TenantId tenant, ConsiliumUser user, CaseDetails details) {
		return TenantContext.callAs(tenant, () -> Users.as(user, () -> this.opinions.open(details.reference())));
	}

	private void billingSettled(TenantId tenant, CaseDetails details) {
		TenantContext.runAs(tenant, () -> new TransactionTemplate(this.transactionManager)
			.executeWithoutResult((status) -> this.context.publishEvent(new CaseBillingSettled(tenant, details.id()))));
	}

	private void awaitSent(String link) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (System.nanoTime() < deadline) {
			if (this.fixture.admin.queryForObject(
					"select count(*) from notification_outbox where link like ? and status <> 'SENT'", Long.class,
					link) == 0) {
				return;
			}
			Thread.sleep(50);
		}
		throw new AssertionError("Messages linking to " + link + " were not all sent");
	}

}

package org.consilium.billing.internal;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import jakarta.mail.internet.MimeMessage;
import org.consilium.billing.Payments;
import org.consilium.billing.ProgrammePayments;
import org.consilium.cases.CaseDetails;
import org.consilium.cases.CaseId;
import org.consilium.cases.CaseNotFoundException;
import org.consilium.cases.CaseStatus;
import org.consilium.identity.ConsiliumUser;
import org.consilium.review.internal.ReviewFixture;
import org.consilium.tenant.TenantVersions;
import org.consilium.support.MutableClock;
import org.consilium.support.SiteHttpClient;
import org.consilium.support.StripeIntegrationTest;
import org.consilium.support.TestDatabase;
import org.consilium.support.TestMail;
import org.consilium.support.Users;
import org.consilium.support.stripe.StripeObjects;
import org.consilium.support.stripe.StripeServer;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.TenantId;
import org.consilium.tenantconfig.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Billing through the real Stripe SDK against the run's Stripe-shaped server, with
 * webhooks signed by Stripe's scheme and posted over HTTP to the running application:
 * money moves once whatever is repeated, reordered, raced or crashed.
 */
@StripeIntegrationTest
class BillingStripeIT {

	static final TenantId PUBLIC = TenantId.of("public");

	static final TenantId ACME = TenantId.of("acme");

	static final TenantId GLOBEX = TenantId.of("globex");

	@Autowired
	ApplicationContext context;

	@Autowired
	Payments payments;

	@Autowired
	ProgrammePayments programmePayments;

	@Autowired
	org.consilium.billing.Billing billing;

	@Autowired
	ChargeWorker worker;

	@Autowired
	EmployerInvoices invoices;

	@Autowired
	MutableClock clock;

	@LocalServerPort
	int port;

	ReviewFixture fixture;

	StripeServer stripe = StripeServer.get();

	@BeforeEach
	void fixture() {
		this.fixture = new ReviewFixture(this.context);
	}

	@AfterEach
	void heal() {
		this.worker.afterStripeCall = () -> {
		};
		this.stripe.delayRequests(Duration.ZERO);
		this.clock.reset();
		this.fixture.retireSpecialists();
	}

	@Test
	void a_card_saved_through_checkout_is_charged_once_off_session_on_completion_and_the_case_closes() {
		ConsiliumUser patient = freshCardHolder(PUBLIC);
		ReviewFixture.Specialist author = this.fixture.specialist("Dr. Stripe Card", "cardiology", "general");
		CaseDetails details = this.fixture.submitted(PUBLIC, "cardiology", false, author, patient);
		saveCard(PUBLIC, patient, details, null);
		assertThat(bill(PUBLIC, patient, details).cardSaved()).isTrue();

		this.fixture.approve(PUBLIC, details);

		waitUntil(() -> "SUCCEEDED".equals(chargeState(PUBLIC, details.id(), "CASE_PRICE")));
		List<StripeObjects.PaymentIntent> intents = intentsOf(details.id());
		assertThat(intents).singleElement().satisfies((intent) -> {
			assertThat(intent.amount()).isEqualTo(75_000);
			assertThat(intent.currency()).isEqualTo("usd");
			assertThat(intent.status()).isEqualTo("succeeded");
			assertThat(intent.idempotencyKey()).isEqualTo("consilium:public:" + details.id().value() + ":CASE_PRICE:1");
			assertThat(intent.receiptEmail()).isEqualTo(patient.username());
		});
		Payments.CaseBill bill = bill(PUBLIC, patient, details);
		assertThat(bill.state()).isEqualTo(Payments.BillState.SETTLED);
		assertThat(bill.line(Payments.LineKind.CASE_PRICE)).hasValueSatisfying((line) -> {
			assertThat(line.state()).isEqualTo(Payments.LineState.PAID);
			assertThat(line.reference()).isEqualTo(intents.get(0).id());
			assertThat(line.amount().amount()).isEqualByComparingTo(new BigDecimal("750.00"));
		});
		assertThat(this.fixture.status(details.id())).as("delivered at publication, paid: closed")
			.isEqualTo(CaseStatus.CLOSED);
		assertThat(audits(PUBLIC, details.id(), "CHARGE_SUCCEEDED")).isEqualTo(1);
	}

	@Test
	void a_case_is_charged_the_price_of_the_configuration_it_was_submitted_under_not_a_later_one() {
		TenantVersions versions = this.context.getBean(TenantVersions.class);
		TenantVersions.StoredVersion agreed = versions.current(PUBLIC);
		ConsiliumUser patient = freshCardHolder(PUBLIC);
		ReviewFixture.Specialist author = this.fixture.specialist("Dr. Stripe Terms", "cardiology", "general");
		CaseDetails details = this.fixture.submitted(PUBLIC, "cardiology", false, author, patient);
		// As submission does (the fixture moves the case to triage directly).
		TestDatabase.get()
			.adminJdbc()
			.update("update medical_case set config_version = ? where id = ?", agreed.version(), details.id().value());
		saveCard(PUBLIC, patient, details, null);
		String raised = agreed.yaml().replace("default: 750.00", "default: 990.00");
		assertThat(raised).isNotEqualTo(agreed.yaml());
		TenantVersions.Change rise = versions.save(PUBLIC, agreed.version(), raised, agreed.assets(),
				TenantVersions.Origin.CONSOLE, "test", "price rise");
		try {
			assertThat(bill(PUBLIC, patient, details).dueOnCompletion().amount()).isEqualByComparingTo("750.00");

			this.fixture.approve(PUBLIC, details);

			waitUntil(() -> "SUCCEEDED".equals(chargeState(PUBLIC, details.id(), "CASE_PRICE")));
			assertThat(intentsOf(details.id())).singleElement()
				.satisfies((intent) -> assertThat(intent.amount()).isEqualTo(75_000));
		}
		finally {
			versions.save(PUBLIC, rise.version(), agreed.yaml(), agreed.assets(), TenantVersions.Origin.CONSOLE, "test",
					"put back");
		}
	}

	@Test
	void a_processing_fee_is_paid_at_submission_through_checkout_which_saves_the_card_for_completion() {
		ConsiliumUser patient = freshCardHolder(PUBLIC);
		ReviewFixture.Specialist author = this.fixture.specialist("Dr. Stripe Fee", "cardiology", "general");
		CaseDetails details = this.fixture.submitted(PUBLIC, "cardiology", false, author, patient);
		int noticesBefore = actionNeededMails(patient.username());
		submitted(patient, details);

		waitUntil(() -> "ACTION_NEEDED".equals(chargeState(PUBLIC, details.id(), "PROCESSING_FEE")));
		assertThat(failureCode(PUBLIC, details.id(), "PROCESSING_FEE")).isEqualTo("no_saved_card");
		assertThat(actionNeededMails(patient.username())).as("the patient is on the payment page already")
			.isEqualTo(noticesBefore);
		Payments.CaseBill due = bill(PUBLIC, patient, details);
		assertThat(due.cardSaved()).isFalse();
		assertThat(due.line(Payments.LineKind.PROCESSING_FEE)).hasValueSatisfying((line) -> {
			assertThat(line.state()).isEqualTo(Payments.LineState.ACTION_NEEDED);
			assertThat(line.amount().amount()).isEqualByComparingTo(new BigDecimal("25.00"));
		});

		URI pay = checkout(PUBLIC, patient, details);
		assertThat(this.stripe.checkoutSession(sessionId(pay)).mode()).isEqualTo("payment");
		String event = this.stripe.completeCheckout(sessionId(pay));
		assertThat(postWebhook(event, signNow(event)).statusCode()).isEqualTo(200);
		assertThat(chargeState(PUBLIC, details.id(), "PROCESSING_FEE")).isEqualTo("SUCCEEDED");
		assertThat(bill(PUBLIC, patient, details).cardSaved()).isTrue();

		this.fixture.approve(PUBLIC, details);
		waitUntil(() -> "SUCCEEDED".equals(chargeState(PUBLIC, details.id(), "CASE_PRICE")));
		assertThat(intentsOf(details.id())).extracting(StripeObjects.PaymentIntent::amount)
			.containsExactly(2_500L, 75_000L);
		assertThat(this.fixture.status(details.id())).isEqualTo(CaseStatus.CLOSED);
	}

	@Test
	void a_declined_card_asks_the_patient_by_email_and_their_payment_by_link_counts_once_though_the_webhook_comes_ten_times()
			throws Exception {
		ConsiliumUser patient = freshCardHolder(PUBLIC);
		ReviewFixture.Specialist author = this.fixture.specialist("Dr. Stripe Decline", "cardiology", "general");
		CaseDetails details = this.fixture.submitted(PUBLIC, "cardiology", false, author, patient);
		saveCard(PUBLIC, patient, details, "pm_card_chargeCustomerFail");
		this.fixture.approve(PUBLIC, details);

		waitUntil(() -> "ACTION_NEEDED".equals(chargeState(PUBLIC, details.id(), "CASE_PRICE")));
		assertThat(this.fixture.status(details.id())).as("the opinion is out; only the bill waits")
			.isEqualTo(CaseStatus.PUBLISHED);
		Payments.CaseBill owed = bill(PUBLIC, patient, details);
		assertThat(owed.state()).isEqualTo(Payments.BillState.PAYMENT_ACTION_NEEDED);
		assertThat(owed.line(Payments.LineKind.CASE_PRICE).orElseThrow().failure()).isEqualTo("card_declined");
		MimeMessage mail = waitForMail(patient.username(), "Action needed for your payment");
		assertThat(TestMail.content(mail)).contains("/cases/" + details.reference().value() + "/payment")
			.doesNotContain("750");

		URI pay = checkout(PUBLIC, patient, details);
		URI again = checkout(PUBLIC, patient, details);
		assertThat(again).as("a second click opens the same payable session").isEqualTo(pay);
		String event = this.stripe.completeCheckout(sessionId(pay));

		List<HttpResponse<String>> deliveries = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			deliveries.add(postWebhook(event, signNow(event)));
		}
		assertThat(deliveries).allSatisfy((response) -> assertThat(response.statusCode()).isEqualTo(200));
		assertThat(deliveries.get(0).body()).contains("\"duplicate\":false");
		assertThat(deliveries.subList(1, 10))
			.allSatisfy((response) -> assertThat(response.body()).contains("\"duplicate\":true"));

		assertThat(chargeState(PUBLIC, details.id(), "CASE_PRICE")).isEqualTo("SUCCEEDED");
		assertThat(audits(PUBLIC, details.id(), "CHARGE_SUCCEEDED")).isEqualTo(1);
		assertThat(audits(PUBLIC, details.id(), "BILLING_SETTLED")).isEqualTo(1);
		assertThat(audits(PUBLIC, details.id(), "CASE_BILLING_SETTLED")).isEqualTo(1);
		assertThat(intentsOf(details.id())).extracting(StripeObjects.PaymentIntent::status)
			.containsExactly("requires_payment_method", "succeeded");
		assertThat(this.fixture.status(details.id())).isEqualTo(CaseStatus.CLOSED);
		assertThat(bill(PUBLIC, patient, details).cardSaved()).as("paying by link saved the new card").isTrue();
	}

	@Test
	void events_in_any_order_converge_on_the_payment_stripe_reports() throws Exception {
		ConsiliumUser patient = freshCardHolder(PUBLIC);
		ReviewFixture.Specialist author = this.fixture.specialist("Dr. Stripe Order", "cardiology", "general");
		CaseDetails details = this.fixture.submitted(PUBLIC, "cardiology", false, author, patient);
		saveCard(PUBLIC, patient, details, "pm_card_authenticationRequired");
		this.fixture.approve(PUBLIC, details);
		waitUntil(() -> "ACTION_NEEDED".equals(chargeState(PUBLIC, details.id(), "CASE_PRICE")));
		assertThat(failureCode(PUBLIC, details.id(), "CASE_PRICE")).isEqualTo("authentication_required");
		String failedIntent = intentsOf(details.id()).get(0).id();

		URI pay = checkout(PUBLIC, patient, details);
		String completed = this.stripe.completeCheckout(sessionId(pay));
		String paidIntent = intentsOf(details.id()).get(1).id();
		// Newest first, then the stale failure, then the session: each re-read from
		// Stripe.
		String succeeded = this.stripe.paymentIntentEvent("payment_intent.succeeded", paidIntent);
		String failed = this.stripe.paymentIntentEvent("payment_intent.payment_failed", failedIntent);
		assertThat(postWebhook(succeeded, signNow(succeeded)).statusCode()).isEqualTo(200);
		assertThat(chargeState(PUBLIC, details.id(), "CASE_PRICE")).isEqualTo("SUCCEEDED");
		assertThat(postWebhook(failed, signNow(failed)).statusCode()).isEqualTo(200);
		assertThat(postWebhook(completed, signNow(completed)).statusCode()).isEqualTo(200);

		assertThat(chargeState(PUBLIC, details.id(), "CASE_PRICE")).isEqualTo("SUCCEEDED");
		assertThat(TestDatabase.get()
			.adminJdbc()
			.queryForObject("select stripe_id from billing_charge where tenant_id = 'public' and case_id = ?",
					String.class, details.id().value()))
			.isEqualTo(paidIntent);
		assertThat(bill(PUBLIC, patient, details).state()).isEqualTo(Payments.BillState.SETTLED);
		assertThat(audits(PUBLIC, details.id(), "CHARGE_SUCCEEDED")).isEqualTo(1);
	}

	@Test
	void forged_stale_and_unsigned_webhooks_are_refused_and_unknown_types_are_acknowledged() {
		String event = this.stripe.event("payment_intent.succeeded",
				Map.of("id", "pi_forged", "object", "payment_intent", "status", "succeeded", "metadata",
						Map.of("tenant", "public", "case", UUID.randomUUID().toString(), "kind", "CASE_PRICE")));
		long now = this.clock.instant().getEpochSecond();
		HttpResponse<String> forged = postWebhook(event, StripeServer.sign(event, "whsec_not_the_secret", now));
		assertThat(forged.statusCode()).isEqualTo(400);
		assertThat(forged.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(forged.body()).contains("Webhook signature refused");
		assertThat(postWebhook(event, StripeServer.sign(event, this.stripe.webhookSecret(), now - 301)).statusCode())
			.as("older than the 300 s tolerance")
			.isEqualTo(400);
		assertThat(postWebhook(event, null).statusCode()).isEqualTo(400);
		String tampered = event.replace("pi_forged", "pi_forgex");
		assertThat(postWebhook(tampered, signNow(event)).statusCode()).as("signature of another body").isEqualTo(400);
		assertThat(TestDatabase.get()
			.adminJdbc()
			.queryForObject("select count(*) from stripe_event where id = ?", Integer.class, eventId(event))).isZero();

		String unknown = this.stripe.event("customer.tax_id.created",
				Map.of("id", "txi_1", "object", "tax_id", "type", "eu_vat"));
		HttpResponse<String> acknowledged = postWebhook(unknown, signNow(unknown));
		assertThat(acknowledged.statusCode()).isEqualTo(200);
		assertThat(acknowledged.body()).contains("\"received\":true");
	}

	@Test
	void when_stripe_cannot_be_reached_the_patient_is_told_so_and_nothing_is_kept() {
		ConsiliumUser patient = freshCardHolder(PUBLIC);
		ReviewFixture.Specialist author = this.fixture.specialist("Dr. Stripe Down", "cardiology", "general");
		CaseDetails details = this.fixture.submitted(PUBLIC, "cardiology", false, author, patient);
		this.stripe.loseNextResponses(50);
		try {
			assertThatThrownBy(() -> checkout(PUBLIC, patient, details)).isInstanceOfSatisfying(
					org.consilium.billing.BillingProblem.class,
					(ex) -> assertThat(ex.messageKey()).isEqualTo("billing.error.provider-unavailable"));
		}
		finally {
			this.stripe.loseNextResponses(0);
		}
		assertThat(TestDatabase.get()
			.adminJdbc()
			.queryForObject("select count(*) from billing_customer where tenant_id = 'public' and user_id = ?",
					Integer.class, patient.id()))
			.isZero();
		assertThat(checkout(PUBLIC, patient, details)).as("once Stripe answers again").isNotNull();
	}

	@Test
	void a_crash_between_the_stripe_call_and_the_commit_then_a_retry_makes_one_charge() {
		ConsiliumUser patient = freshCardHolder(PUBLIC);
		ReviewFixture.Specialist author = this.fixture.specialist("Dr. Stripe Crash", "cardiology", "general");
		CaseDetails details = this.fixture.submitted(PUBLIC, "cardiology", false, author, patient);
		saveCard(PUBLIC, patient, details, null);
		AtomicBoolean crashed = new AtomicBoolean();
		this.worker.afterStripeCall = () -> {
			if (crashed.compareAndSet(false, true)) {
				throw new IllegalStateException("Simulated crash after Stripe answered");
			}
		};
		int createdBefore = this.stripe.paymentIntentCreations();
		this.fixture.approve(PUBLIC, details);

		waitUntil(crashed::get);
		waitUntil(() -> intentsOf(details.id()).size() == 1);
		assertThat(chargeState(PUBLIC, details.id(), "CASE_PRICE")).as("nothing was recorded").isEqualTo("PENDING");

		assertThat(this.worker.work(PUBLIC, details.id(), Charge.Kind.CASE_PRICE)).isTrue();
		assertThat(chargeState(PUBLIC, details.id(), "CASE_PRICE")).isEqualTo("SUCCEEDED");
		assertThat(intentsOf(details.id())).as("the retry got the first PaymentIntent back").hasSize(1);
		assertThat(this.stripe.paymentIntentCreations() - createdBefore).isEqualTo(1);
		assertThat(this.stripe.requestCount("POST", "/v1/payment_intents")).isGreaterThanOrEqualTo(2);
	}

	@Test
	void concurrent_completions_and_workers_make_one_charge() throws Exception {
		ConsiliumUser patient = freshCardHolder(PUBLIC);
		ReviewFixture.Specialist author = this.fixture.specialist("Dr. Stripe Race", "cardiology", "general");
		CaseDetails details = this.fixture.submitted(PUBLIC, "cardiology", false, author, patient);
		saveCard(PUBLIC, patient, details, null);
		this.stripe.delayRequests(Duration.ofMillis(300));
		this.fixture.approve(PUBLIC, details);
		ExecutorService threads = Executors.newFixedThreadPool(6);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<?>> runs = new ArrayList<>();
			for (int i = 0; i < 6; i++) {
				runs.add(threads.submit(() -> {
					start.await();
					// A second completion of the same case, and another worker.
					TenantContext.runAs(PUBLIC, () -> Users.as(Users.user("public", "stripe-race", Role.PATIENT),
							() -> transactions().execute((status) -> {
								this.context.getBean(BillingService.class)
									.published(new org.consilium.cases.CaseStatusChanged(PUBLIC, details.id(),
											details.reference(), CaseStatus.APPROVED, CaseStatus.PUBLISHED,
											org.consilium.cases.CaseEvent.PUBLISH));
								return null;
							})));
					return this.worker.work(PUBLIC, details.id(), Charge.Kind.CASE_PRICE);
				}));
			}
			start.countDown();
			for (Future<?> run : runs) {
				run.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			threads.shutdownNow();
		}
		waitUntil(() -> "SUCCEEDED".equals(chargeState(PUBLIC, details.id(), "CASE_PRICE")));
		assertThat(intentsOf(details.id())).singleElement()
			.satisfies((intent) -> assertThat(intent.status()).isEqualTo("succeeded"));
		assertThat(TestDatabase.get()
			.adminJdbc()
			.queryForObject("select count(*) from billing_charge where tenant_id = 'public' and case_id = ?",
					Integer.class, details.id().value()))
			.isEqualTo(1);
		assertThat(audits(PUBLIC, details.id(), "CHARGE_SUCCEEDED")).isEqualTo(1);
	}

	@Test
	void an_employer_programme_adds_an_invoice_item_per_case_and_the_month_end_job_invoices_them_once() {
		ReviewFixture.Specialist author = this.fixture.specialist("Dr. Stripe Employer", "cardiology", "acme-panel");
		this.fixture.specialist("Dr. Stripe Second Reader", "cardiology", "acme-panel");
		CaseDetails first = this.fixture.published(ACME, "cardiology", false, author);
		CaseDetails second = this.fixture.published(ACME, "cardiology", false, author);
		waitUntil(() -> "SUCCEEDED".equals(chargeState(ACME, first.id(), "EMPLOYER"))
				&& "SUCCEEDED".equals(chargeState(ACME, second.id(), "EMPLOYER")));
		String employer = TestDatabase.get()
			.adminJdbc()
			.queryForObject("select stripe_customer_id from billing_employer where tenant_id = 'acme'", String.class);
		List<StripeObjects.InvoiceItem> items = this.stripe.invoiceItems(employer)
			.stream()
			.filter((item) -> List.of(first.id().value().toString(), second.id().value().toString())
				.contains(item.metadata().get("case")))
			.toList();
		assertThat(items).hasSize(2).allSatisfy((item) -> {
			assertThat(item.amount()).isEqualTo(120_000);
			assertThat(item.invoice()).as("pending until the month ends").isNull();
		});
		assertThat(this.stripe.paymentIntentsWithMetadata("tenant", "acme")).as("no card is charged").isEmpty();
		assertThat(this.fixture.status(first.id())).isEqualTo(CaseStatus.CLOSED);

		this.invoices.finaliseEndedMonths();
		assertThat(this.stripe.invoiceItems(employer)).filteredOn((item) -> item.id().equals(items.get(0).id()))
			.singleElement()
			.satisfies((item) -> assertThat(item.invoice()).as("the month has not ended").isNull());

		this.clock.set(Instant.parse("2026-12-01T02:00:00Z"));
		this.invoices.finaliseEndedMonths();
		this.invoices.finaliseEndedMonths();
		List<StripeObjects.Invoice> made = this.stripe.invoices(employer)
			.stream()
			.filter((invoice) -> "2026-11".equals(invoice.metadata().get("period")))
			.toList();
		assertThat(made).singleElement().satisfies((invoice) -> {
			assertThat(invoice.status()).isEqualTo("open");
			assertThat(invoice.lines()).extracting(StripeObjects.InvoiceLine::invoiceItem)
				.contains(items.get(0).id(), items.get(1).id());
		});
		ConsiliumUser admin = Users.user("acme", "stripe-acme-admin", Role.TENANT_ADMIN);
		List<ProgrammePayments.EmployerInvoice> seen = TenantContext.callAs(ACME,
				() -> Users.as(admin, this.programmePayments::invoices));
		assertThat(seen).filteredOn((invoice) -> "2026-11".equals(invoice.period()))
			.singleElement()
			.satisfies((invoice) -> {
				assertThat(invoice.number()).isEqualTo(made.get(0).number());
				assertThat(invoice.status()).isEqualTo("OPEN");
				assertThat(invoice.cases()).contains(first.reference(), second.reference());
			});
		List<ProgrammePayments.CaseBillSummary> bills = TenantContext.callAs(ACME,
				() -> Users.as(admin, () -> this.programmePayments.bills(100)));
		assertThat(bills).filteredOn((bill) -> bill.reference().equals(first.reference()))
			.singleElement()
			.satisfies((bill) -> {
				assertThat(bill.state()).isEqualTo("SETTLED");
				assertThat(bill.charges()).singleElement()
					.satisfies((line) -> assertThat(line.invoiceNumber()).isEqualTo(made.get(0).number()));
			});

		String paid = this.stripe.payInvoice(made.get(0).id());
		assertThat(postWebhook(paid, signNow(paid)).statusCode()).isEqualTo(200);
		assertThat(TenantContext.callAs(ACME, () -> Users.as(admin, this.programmePayments::invoices)))
			.filteredOn((invoice) -> "2026-11".equals(invoice.period()))
			.singleElement()
			.satisfies((invoice) -> assertThat(invoice.status()).isEqualTo("PAID"));
	}

	@Test
	void a_copay_programme_charges_the_copay_to_the_card_and_invoices_the_rest_with_the_pathology_add_on() {
		ConsiliumUser patient = freshCardHolder(GLOBEX);
		ReviewFixture.Specialist author = this.fixture.specialist("Dr. Stripe Copay", "cardiology", "general");
		CaseDetails details = this.fixture.submitted(GLOBEX, "cardiology", false, author, patient);
		saveCard(GLOBEX, patient, details, null);
		TestDatabase.get().adminJdbc().update("""
				insert into reread (tenant_id, id, case_id, kind, state, note, requested_by_name, requested_at)
				values ('globex', ?, ?, 'PATHOLOGY', 'DONE', 'Slides', 'Fixture', now())
				""", UUID.randomUUID(), details.id().value());
		this.fixture.approve(GLOBEX, details);

		waitUntil(() -> "SUCCEEDED".equals(chargeState(GLOBEX, details.id(), "COPAY"))
				&& "SUCCEEDED".equals(chargeState(GLOBEX, details.id(), "EMPLOYER")));
		assertThat(intentsOf(details.id())).singleElement()
			.satisfies((intent) -> assertThat(intent.amount()).as("the 50.00 copay").isEqualTo(5_000));
		String employer = TestDatabase.get()
			.adminJdbc()
			.queryForObject("select stripe_customer_id from billing_employer where tenant_id = 'globex'", String.class);
		StripeObjects.InvoiceItem item = this.stripe.invoiceItems(employer)
			.stream()
			.filter((candidate) -> details.id().value().toString().equals(candidate.metadata().get("case")))
			.findFirst()
			.orElseThrow();
		assertThat(item.amount()).as("900.00 + 250.00 pathology - 50.00 copay").isEqualTo(110_000);
		waitUntil(() -> this.stripe.invoiceItems(employer)
			.stream()
			.anyMatch((candidate) -> candidate.id().equals(item.id()) && candidate.invoice() != null));
		String invoiceId = this.stripe.invoiceItems(employer)
			.stream()
			.filter((candidate) -> candidate.id().equals(item.id()))
			.findFirst()
			.orElseThrow()
			.invoice();
		assertThat(this.stripe.invoice(invoiceId).status()).as("invoiced per case").isEqualTo("open");
		waitUntil(() -> invoiceNumber(GLOBEX, details.id()) != null);
		assertThat(bill(GLOBEX, patient, details).state()).isEqualTo(Payments.BillState.SETTLED);
	}

	@Test
	void a_cancelled_case_owes_or_gets_back_what_the_programme_says_for_its_stage() {
		ConsiliumUser patient = freshCardHolder(PUBLIC);
		ReviewFixture.Specialist author = this.fixture.specialist("Dr. Stripe Cancel", "cardiology", "general");
		ConsiliumUser admin = Users.operator("stripe-cancel-admin", Role.PLATFORM_ADMIN);

		// Before review: nothing owed (public: 0 %).
		CaseDetails early = this.fixture.readyCase(PUBLIC, "cardiology", false);
		assertThatThrownBy(() -> Users.as(admin, () -> {
			this.billing.cancelCase(PUBLIC, early.reference(), " ");
			return null;
		})).isInstanceOfSatisfying(org.consilium.billing.BillingProblem.class,
				(ex) -> assertThat(ex.messageKey()).isEqualTo("billing.error.cancel-reason-required"));
		cancel(admin, PUBLIC, early, "The patient withdrew the request");
		assertThat(this.fixture.status(early.id())).isEqualTo(CaseStatus.CANCELLED);
		assertThat(itemState(PUBLIC, early.id())).isEqualTo("CANCELLED");
		assertThat(chargeState(PUBLIC, early.id(), "CASE_PRICE")).isNull();
		assertThat(audits(PUBLIC, early.id(), "CASE_CANCELLED")).isEqualTo(1);
		assertThatThrownBy(() -> cancel(admin, PUBLIC, early, "Again")).isInstanceOfSatisfying(
				org.consilium.billing.BillingProblem.class,
				(ex) -> assertThat(ex.messageKey()).isEqualTo("billing.error.cannot-cancel"));

		// In review: half the price, charged to the saved card.
		CaseDetails reviewed = this.fixture.submitted(PUBLIC, "cardiology", false, author, patient);
		saveCard(PUBLIC, patient, reviewed, null);
		cancel(admin, PUBLIC, reviewed, "The patient got an appointment elsewhere");
		waitUntil(() -> "SUCCEEDED".equals(chargeState(PUBLIC, reviewed.id(), "CASE_PRICE")));
		assertThat(intentsOf(reviewed.id())).singleElement()
			.satisfies((intent) -> assertThat(intent.amount()).as("50 % of 750.00").isEqualTo(37_500));
		assertThat(TestDatabase.get()
			.adminJdbc()
			.queryForObject(
					"select count(*) from case_assignment where case_id = ? and state in ('ASSIGNED', 'ACCEPTED')",
					Integer.class, reviewed.id().value()))
			.as("the specialist's access ended with the case")
			.isZero();

		// After completion: refundco gives the whole card payment back.
		TenantId refundco = TenantId.of("refundco");
		ConsiliumUser refundPatient = Users.user("refundco", "refund-patient", Role.PATIENT);
		ReviewFixture.Specialist refundAuthor = this.fixture.specialist("Dr. Stripe Refund", "cardiology", "general");
		CaseDetails completed = this.fixture.submitted(refundco, "cardiology", true, refundAuthor, refundPatient);
		saveCard(refundco, refundPatient, completed, null);
		this.fixture.approve(refundco, completed);
		waitUntil(() -> "SUCCEEDED".equals(chargeState(refundco, completed.id(), "CASE_PRICE")));
		String paid = intentsOf(completed.id()).get(0).id();
		assertThat(this.fixture.status(completed.id())).as("waits for the doctor").isEqualTo(CaseStatus.PUBLISHED);
		cancel(admin, refundco, completed, "Duplicate request");
		waitUntil(() -> "SUCCEEDED".equals(chargeState(refundco, completed.id(), "REFUND")));
		assertThat(this.stripe.refunds(paid)).singleElement()
			.satisfies((refund) -> assertThat(refund.amount()).isEqualTo(75_000));
		assertThat(itemState(refundco, completed.id())).isEqualTo("CANCELLED");
		assertThat(audits(refundco, completed.id(), "BILLING_CANCELLED")).isEqualTo(1);
		Payments.CaseBill bill = bill(refundco, refundPatient, completed);
		assertThat(bill.line(Payments.LineKind.REFUND)).hasValueSatisfying(
				(line) -> assertThat(line.amount().amount()).isEqualByComparingTo(new BigDecimal("750.00")));
	}

	@Test
	void bills_and_charges_stay_in_their_programme() {
		ConsiliumUser patient = freshCardHolder(PUBLIC);
		ReviewFixture.Specialist author = this.fixture.specialist("Dr. Stripe Iso", "cardiology", "general");
		CaseDetails details = this.fixture.submitted(PUBLIC, "cardiology", false, author, patient);
		saveCard(PUBLIC, patient, details, null);
		this.fixture.approve(PUBLIC, details);
		waitUntil(() -> "SUCCEEDED".equals(chargeState(PUBLIC, details.id(), "CASE_PRICE")));

		ConsiliumUser otherPatient = Users.user("public", "stripe-other-patient", Role.PATIENT);
		assertThatThrownBy(() -> TenantContext.callAs(PUBLIC,
				() -> Users.as(otherPatient, () -> this.payments.bill(details.reference()))))
			.isInstanceOf(CaseNotFoundException.class);
		ConsiliumUser globexPatient = Users.user("globex", patient.displayName(), Role.PATIENT);
		assertThatThrownBy(() -> TenantContext.callAs(GLOBEX,
				() -> Users.as(globexPatient, () -> this.payments.bill(details.reference()))))
			.isInstanceOf(CaseNotFoundException.class);
		ConsiliumUser acmeAdmin = Users.user("acme", "stripe-iso-admin", Role.TENANT_ADMIN);
		assertThat(TenantContext.callAs(ACME, () -> Users.as(acmeAdmin, () -> this.programmePayments.bills(1000))))
			.noneMatch((bill) -> bill.reference().equals(details.reference()));
		JdbcTemplate app = this.context.getBean(JdbcTemplate.class);
		TransactionTemplate transactions = transactions();
		for (String table : List.of("billing_charge", "billing_item", "billing_customer")) {
			Integer seen = TenantContext.callAs(ACME, () -> transactions.execute((status) -> app
				.queryForObject("select count(*) from " + table + " where tenant_id = 'public'", Integer.class)));
			assertThat(seen).as("%s rows of public seen from acme by native SQL", table).isZero();
		}
		JdbcTemplate admin = TestDatabase.get().adminJdbc();
		admin.update("insert into billing_employer (tenant_id, stripe_customer_id, created_at) "
				+ "values ('refundco', 'cus_isolation', now()) on conflict do nothing");
		admin.update(
				"insert into billing_invoice (tenant_id, id, period, status, currency, created_at) "
						+ "values ('refundco', ?, 'isolation', 'VOID', 'USD', now()) on conflict do nothing",
				UUID.randomUUID());
		for (String table : List.of("billing_employer", "billing_invoice")) {
			// (refundco: a programme no employer pays for, so its rows are made up here.)
			Integer theirs = TenantContext.callAs(TenantId.of("refundco"), () -> transactions
				.execute((status) -> app.queryForObject("select count(*) from " + table, Integer.class)));
			assertThat(theirs).as("refundco sees its own %s", table).isPositive();
			Integer seen = TenantContext.callAs(PUBLIC, () -> transactions.execute((status) -> app
				.queryForObject("select count(*) from " + table + " where tenant_id = 'refundco'", Integer.class)));
			assertThat(seen).as("%s rows of refundco seen from public by native SQL", table).isZero();
		}
		Integer own = TenantContext.callAs(PUBLIC,
				() -> transactions
					.execute((status) -> app.queryForObject("select count(*) from billing_charge where case_id = ?",
							Integer.class, details.id().value())));
		assertThat(own).isEqualTo(1);
	}

	// Steps

	private TransactionTemplate transactions() {
		return new TransactionTemplate(this.context.getBean(PlatformTransactionManager.class));
	}

	/** A patient account of the programme with no card saved yet (the demo patient). */
	private ConsiliumUser freshCardHolder(TenantId tenant) {
		ConsiliumUser patient = this.fixture.demoUser(tenant, Role.PATIENT);
		TestDatabase.get()
			.adminJdbc()
			.update("delete from billing_customer where tenant_id = ? and user_id = ?", tenant.value(), patient.id());
		return patient;
	}

	/**
	 * The patient saves a card through Stripe Checkout (setup mode) and Stripe's webhook
	 * reports it.
	 */
	private void saveCard(TenantId tenant, ConsiliumUser patient, CaseDetails details, String testCard) {
		URI checkout = checkout(tenant, patient, details);
		String session = sessionId(checkout);
		assertThat(this.stripe.checkoutSession(session).mode()).isEqualTo("setup");
		String event = (testCard != null) ? this.stripe.completeCheckout(session, testCard)
				: this.stripe.completeCheckout(session);
		assertThat(postWebhook(event, signNow(event)).statusCode()).isEqualTo(200);
	}

	private URI checkout(TenantId tenant, ConsiliumUser patient, CaseDetails details) {
		String page = "http://" + tenant.value() + ".localhost:8080/cases/" + details.reference().value() + "/payment";
		return TenantContext.callAs(tenant, () -> Users.as(patient, () -> this.payments.checkout(details.reference(),
				page + "?checkout={CHECKOUT_SESSION_ID}", page + "?checkout=cancelled")));
	}

	private Payments.CaseBill bill(TenantId tenant, ConsiliumUser patient, CaseDetails details) {
		return TenantContext.callAs(tenant, () -> Users.as(patient, () -> this.payments.bill(details.reference())));
	}

	private static String sessionId(URI checkout) {
		String path = checkout.getPath();
		return path.substring(path.lastIndexOf('/') + 1);
	}

	private HttpResponse<String> postWebhook(String payload, String signature) {
		Map<String, String> headers = (signature != null) ? Map.of("Stripe-Signature", signature) : Map.of();
		return new SiteHttpClient(this.port).post("http://ops.localhost/billing/stripe/webhook",
				"application/json; charset=utf-8", payload, headers);
	}

	private String signNow(String payload) {
		return StripeServer.sign(payload, this.stripe.webhookSecret(), this.clock.instant().getEpochSecond());
	}

	private static String eventId(String event) {
		int start = event.indexOf("\"evt_");
		return event.substring(start + 1, event.indexOf('"', start + 1));
	}

	private List<StripeObjects.PaymentIntent> intentsOf(CaseId caseId) {
		return this.stripe.paymentIntentsWithMetadata("case", caseId.value().toString());
	}

	private static String chargeState(TenantId tenant, CaseId caseId, String kind) {
		return TestDatabase.get()
			.adminJdbc()
			.queryForList("select state from billing_charge where tenant_id = ? and case_id = ? and kind = ?",
					String.class, tenant.value(), caseId.value(), kind)
			.stream()
			.findFirst()
			.orElse(null);
	}

	/** The case's submission event, as the intake's submit raises it. */
	private void submitted(ConsiliumUser patient, CaseDetails details) {
		TenantContext.runAs(PUBLIC, () -> Users.as(patient, () -> transactions().execute((status) -> {
			this.context.getBean(BillingService.class)
				.submitted(new org.consilium.cases.CaseStatusChanged(PUBLIC, details.id(), details.reference(),
						CaseStatus.DRAFT, CaseStatus.SUBMITTED, org.consilium.cases.CaseEvent.SUBMIT));
			return null;
		})));
	}

	private static int actionNeededMails(String address) {
		Integer count = TestDatabase.get()
			.adminJdbc()
			.queryForObject("select count(*) from notification_outbox where recipient_email = ? "
					+ "and kind = 'PAYMENT_ACTION_NEEDED'", Integer.class, address);
		return (count != null) ? count : 0;
	}

	private void cancel(ConsiliumUser admin, TenantId tenant, CaseDetails details, String reason) {
		Users.as(admin, () -> {
			this.billing.cancelCase(tenant, details.reference(), reason);
			return null;
		});
	}

	private static String itemState(TenantId tenant, CaseId caseId) {
		return TestDatabase.get()
			.adminJdbc()
			.queryForList("select state from billing_item where tenant_id = ? and case_id = ?", String.class,
					tenant.value(), caseId.value())
			.stream()
			.findFirst()
			.orElse(null);
	}

	private static String failureCode(TenantId tenant, CaseId caseId, String kind) {
		return TestDatabase.get()
			.adminJdbc()
			.queryForObject("select failure_code from billing_charge where tenant_id = ? and case_id = ? and kind = ?",
					String.class, tenant.value(), caseId.value(), kind);
	}

	private static String invoiceNumber(TenantId tenant, CaseId caseId) {
		return TestDatabase.get().adminJdbc().queryForList("""
				select i.number from billing_charge c join billing_invoice i
				  on i.tenant_id = c.tenant_id and i.id = c.invoice_id
				where c.tenant_id = ? and c.case_id = ?
				""", String.class, tenant.value(), caseId.value()).stream().findFirst().orElse(null);
	}

	private static int audits(TenantId tenant, CaseId caseId, String action) {
		Integer count = TestDatabase.get()
			.adminJdbc()
			.queryForObject("select count(*) from audit_event where tenant_id = ? and subject_id = ? and action = ?",
					Integer.class, tenant.value(), caseId.value().toString(), action);
		return (count != null) ? count : 0;
	}

	private static MimeMessage waitForMail(String to, String subject) throws Exception {
		waitUntil(() -> TestMail.get().to(to).stream().anyMatch((mail) -> subjectOf(mail).startsWith(subject)));
		return TestMail.get()
			.to(to)
			.stream()
			.filter((mail) -> subjectOf(mail).startsWith(subject))
			.reduce((first, second) -> second)
			.orElseThrow();
	}

	private static String subjectOf(MimeMessage mail) {
		try {
			return mail.getSubject();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void waitUntil(BooleanSupplier condition) {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Condition not reached in 30 seconds");
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

}

package org.consilium.billing.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.consilium.audit.AuditEntry;
import org.consilium.audit.AuditLog;
import org.consilium.billing.Billing;
import org.consilium.billing.BillingProblem;
import org.consilium.cases.CaseBillingSettled;
import org.consilium.cases.CaseId;
import org.consilium.cases.CaseReference;
import org.consilium.cases.CaseStatus;
import org.consilium.cases.CaseStatusChanged;
import org.consilium.identity.ConsiliumUser;
import org.consilium.identity.CurrentUser;
import org.consilium.review.Rereads;
import org.consilium.tenant.Tenant;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.TenantId;
import org.consilium.tenant.Tenants;
import org.consilium.tenantconfig.Money;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A bill per published case, in the case's tenant partition, written in the publishing
 * transaction. With Stripe configured its charges follow (see {@link ChargeWorker});
 * without it nothing pretends a charge happened: settling is a platform admin's recorded
 * act.
 */
@Service
class BillingService implements Billing {

	/** Cancelled from here, the case was in a specialist's hands. */
	private static final Set<CaseStatus> IN_REVIEW = EnumSet.of(CaseStatus.IN_REVIEW, CaseStatus.OPINION_SUBMITTED,
			CaseStatus.RETURNED, CaseStatus.APPROVED);

	private static final int MAX_REASON = 1_000;

	private final JdbcTemplate jdbc;

	private final Tenants tenants;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final TransactionTemplate transactions;

	private final StripeGateway gateway;

	private final ChargeStore charges;

	private final ChargeWorker worker;

	private final Rereads rereads;

	private final CaseFacts cases;

	private final org.consilium.cases.CaseLifecycle lifecycle;

	private final CaseTerms terms;

	BillingService(JdbcTemplate jdbc, Tenants tenants, AuditLog audit, ApplicationEventPublisher events, Clock clock,
			PlatformTransactionManager transactionManager, StripeGateway gateway, ChargeStore charges,
			ChargeWorker worker, Rereads rereads, CaseFacts cases, org.consilium.cases.CaseLifecycle lifecycle,
			CaseTerms terms) {
		this.jdbc = jdbc;
		this.tenants = tenants;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
		this.transactions = new TransactionTemplate(transactionManager);
		this.gateway = gateway;
		this.charges = charges;
		this.worker = worker;
		this.rereads = rereads;
		this.cases = cases;
		this.lifecycle = lifecycle;
		this.terms = terms;
	}

	/**
	 * Publication is completion: the case owes from now, per its programme's policy (its
	 * price, plus an add-on per re-read reported). With Stripe configured the bill's
	 * charges are created here, in the publishing transaction, and made right after it
	 * commits.
	 */
	@EventListener
	void published(CaseStatusChanged changed) {
		if (changed.to() != CaseStatus.PUBLISHED) {
			return;
		}
		if (!changed.tenant().equals(TenantContext.current())) {
			throw new IllegalStateException("Case event of " + changed.tenant() + " in another tenant");
		}
		var policy = this.terms.of(changed.caseId());
		String specialty = this.jdbc.queryForObject("select specialty from medical_case where id = ?", String.class,
				changed.caseId().value());
		Set<org.consilium.tenantconfig.Billing.Reread> rereads = this.rereads.done(changed.caseId())
			.stream()
			.map((kind) -> org.consilium.tenantconfig.Billing.Reread.valueOf(kind.name()))
			.collect(Collectors.toCollection(() -> EnumSet.noneOf(org.consilium.tenantconfig.Billing.Reread.class)));
		Money patient = policy.patientShare(specialty, rereads);
		Money employer = policy.employerShare(specialty, rereads);
		Money total = patient.plus(employer);
		boolean free = total.isZero();
		Instant now = this.clock.instant();
		int inserted = this.jdbc.update("""
				insert into billing_item (tenant_id, case_id, state, payer, amount, currency, created_at, settled_at,
				    settled_by, settle_reason)
				values (current_setting('app.tenant_id'), ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing
				""", changed.caseId().value(), free ? "SETTLED" : "AWAITING_PAYMENT", policy.payer().name(),
				total.amount(), total.currency().getCurrencyCode(), Timestamp.from(now),
				free ? Timestamp.from(now) : null, free ? "Consilium" : null, free ? "free programme" : null);
		if (inserted != 1) {
			return;
		}
		this.audit.record(AuditEntry.of("BILLING_ITEM_CREATED")
			.subject("case", changed.caseId())
			.details(policy.payer() + " " + total + " (patient " + patient + ", employer " + employer + ")"));
		if (free) {
			this.events.publishEvent(new CaseBillingSettled(changed.tenant(), changed.caseId()));
			return;
		}
		if (!this.gateway.configured()) {
			return;
		}
		this.worker.workAfterCommit(changed.tenant(), changed.caseId(),
				addCharges(policy, changed.caseId(), patient, employer, now));
	}

	/**
	 * Submission: a programme with a processing fee takes it now — from a card the
	 * patient saved before, or through the Checkout page the patient is sent to right
	 * after submitting (which saves the card for the payment on completion too).
	 */
	@EventListener
	void submitted(CaseStatusChanged changed) {
		if (changed.event() != org.consilium.cases.CaseEvent.SUBMIT) {
			return;
		}
		var policy = this.terms.of(changed.caseId());
		if (policy.processingFee().isEmpty() || !policy.payer().patientPays() || !this.gateway.configured()) {
			return;
		}
		if (this.charges.add(changed.caseId(), Charge.Kind.PROCESSING_FEE, policy.processingFee().get(),
				this.clock.instant())) {
			this.audit.record(AuditEntry.of("PROCESSING_FEE_DUE")
				.subject("case", changed.caseId())
				.details(policy.processingFee().get().toString()));
			this.worker.workAfterCommit(changed.tenant(), changed.caseId(), List.of(Charge.Kind.PROCESSING_FEE));
		}
	}

	/** The charges of a bill: the patient's card share and the employer's share. */
	private List<Charge.Kind> addCharges(org.consilium.tenantconfig.Billing policy, CaseId caseId, Money patient,
			Money employer, Instant now) {
		List<Charge.Kind> kinds = new ArrayList<>();
		Charge.Kind patientKind = (policy.payer() == org.consilium.tenantconfig.Billing.Payer.PATIENT)
				? Charge.Kind.CASE_PRICE : Charge.Kind.COPAY;
		if (!patient.isZero() && this.charges.add(caseId, patientKind, patient, now)) {
			kinds.add(patientKind);
		}
		if (!employer.isZero() && this.charges.add(caseId, Charge.Kind.EMPLOYER, employer, now)) {
			kinds.add(Charge.Kind.EMPLOYER);
		}
		return kinds;
	}

	/**
	 * A cancelled case owes what the programme's cancellation rules say for the stage it
	 * was cancelled at: a share of its price before completion (nothing by default), or,
	 * after completion, a share of the card payment given back. The processing fee is
	 * never refunded. Audited either way.
	 */
	@EventListener
	void cancelled(CaseStatusChanged changed) {
		if (changed.to() != CaseStatus.CANCELLED) {
			return;
		}
		if (!changed.tenant().equals(TenantContext.current())) {
			throw new IllegalStateException("Case event of " + changed.tenant() + " in another tenant");
		}
		var policy = this.terms.of(changed.caseId());
		var rules = policy.cancellation();
		Instant now = this.clock.instant();
		CaseId caseId = changed.caseId();
		if (changed.from() == CaseStatus.PUBLISHED || changed.from() == CaseStatus.VIEWED_BY_PHYSICIAN) {
			int refund = rules.afterCompletionRefundPercent();
			if (refund == 100) {
				this.charges.cancelOpen(caseId, now);
			}
			Money refunded = this.charges.ofCase(caseId)
				.stream()
				.filter((charge) -> (charge.kind() == Charge.Kind.CASE_PRICE || charge.kind() == Charge.Kind.COPAY)
						&& charge.state() == Charge.State.SUCCEEDED)
				.findFirst()
				.map((paid) -> paid.amount().percent(refund))
				.filter((amount) -> !amount.isZero())
				.orElse(null);
			if (refunded != null && this.charges.add(caseId, Charge.Kind.REFUND, refunded, now)) {
				this.worker.workAfterCommit(changed.tenant(), caseId, List.of(Charge.Kind.REFUND));
			}
			if (this.charges.ofCase(caseId)
				.stream()
				.noneMatch((charge) -> charge.open() && charge.kind() != Charge.Kind.REFUND)) {
				this.jdbc.update("update billing_item set state = 'CANCELLED' where case_id = ?", caseId.value());
			}
			this.audit.record(AuditEntry.of("BILLING_CANCELLED")
				.subject("case", caseId)
				.details("after completion: " + refund + "% of the card payment refunded"
						+ ((refunded != null) ? " (" + refunded + ")" : " (nothing to refund)")));
			return;
		}
		// An unpaid processing fee is not pursued for a case cancelled before completion.
		this.charges.cancelOpen(caseId, now);
		boolean inReview = IN_REVIEW.contains(changed.from());
		int percent = inReview ? rules.inReviewPercent() : rules.beforeReviewPercent();
		String specialty = this.jdbc.queryForObject("select specialty from medical_case where id = ?", String.class,
				caseId.value());
		Money patient = policy.patientShare(specialty, Set.of()).percent(percent);
		Money employer = policy.employerShare(specialty, Set.of()).percent(percent);
		Money total = patient.plus(employer);
		int inserted = this.jdbc.update("""
				insert into billing_item (tenant_id, case_id, state, payer, amount, currency, created_at)
				values (current_setting('app.tenant_id'), ?, ?, ?, ?, ?, ?) on conflict do nothing
				""", caseId.value(), total.isZero() ? "CANCELLED" : "AWAITING_PAYMENT", policy.payer().name(),
				total.amount(), total.currency().getCurrencyCode(), Timestamp.from(now));
		this.audit.record(AuditEntry.of("BILLING_CANCELLED")
			.subject("case", caseId)
			.details((inReview ? "in review" : "before review") + ": " + percent + "% of the price owed (" + total
					+ ")"));
		if (inserted == 1 && !total.isZero() && this.gateway.configured()) {
			this.worker.workAfterCommit(changed.tenant(), caseId, addCharges(policy, caseId, patient, employer, now));
		}
	}

	@Override
	public boolean providerConfigured() {
		return this.gateway.configured();
	}

	@Override
	public List<AwaitingPayment> awaitingPayment() {
		List<AwaitingPayment> awaiting = new ArrayList<>();
		for (Tenant tenant : this.tenants.all()) {
			awaiting.addAll(TenantContext.callAs(tenant.id(),
					() -> this.transactions.execute((status) -> this.jdbc.query("""
							select c.reference, b.amount, b.currency, b.payer, b.created_at, b.state
							from billing_item b join medical_case c on c.tenant_id = b.tenant_id and c.id = b.case_id
							where b.state in ('AWAITING_PAYMENT', 'PAYMENT_ACTION_NEEDED') order by b.created_at
							""",
							(row, index) -> new AwaitingPayment(tenant.id(), tenant.config().displayName(),
									new CaseReference(row.getString(1)),
									new Money(row.getBigDecimal(2), java.util.Currency.getInstance(row.getString(3))),
									row.getString(4), row.getTimestamp(5).toInstant(), row.getString(6))))));
		}
		awaiting.sort(Comparator.comparing(AwaitingPayment::since));
		return awaiting;
	}

	@Override
	public void cancelCase(TenantId tenant, CaseReference reference, String reason) {
		String why = (reason != null) ? reason.strip() : "";
		if (why.isEmpty()) {
			throw new BillingProblem("billing.error.cancel-reason-required");
		}
		if (why.length() > MAX_REASON) {
			throw new BillingProblem("billing.error.reason-length");
		}
		if (this.tenants.find(tenant).isEmpty()) {
			throw new BillingProblem("billing.error.no-such-case");
		}
		TenantContext.runAs(tenant, () -> this.transactions.executeWithoutResult((status) -> {
			CaseId caseId = this.cases.of(reference)
				.orElseThrow(() -> new BillingProblem("billing.error.no-such-case"))
				.caseId();
			try {
				this.lifecycle.apply(caseId, org.consilium.cases.CaseEvent.CANCEL, List.of());
			}
			catch (org.consilium.cases.IllegalCaseTransitionException ex) {
				throw new BillingProblem("billing.error.cannot-cancel");
			}
			this.audit.record(AuditEntry.of("CASE_CANCELLED").subject("case", caseId).details(why));
		}));
	}

	@Override
	public void markSettled(TenantId tenant, CaseReference reference, String reason) {
		String why = (reason != null) ? reason.strip() : "";
		if (why.isEmpty()) {
			throw new BillingProblem("billing.error.reason-required");
		}
		if (why.length() > MAX_REASON) {
			throw new BillingProblem("billing.error.reason-length");
		}
		if (this.tenants.find(tenant).isEmpty()) {
			throw new BillingProblem("billing.error.nothing-owed");
		}
		String by = CurrentUser.find().map(ConsiliumUser::displayName).orElse("Consilium");
		TenantContext.runAs(tenant, () -> this.transactions.executeWithoutResult((status) -> {
			List<java.util.UUID> settled = this.jdbc.queryForList("""
					update billing_item set state = 'SETTLED', settled_at = ?, settled_by = ?, settle_reason = ?
					where state in ('AWAITING_PAYMENT', 'PAYMENT_ACTION_NEEDED')
					  and case_id = (select id from medical_case where reference = ?)
					returning case_id
					""", java.util.UUID.class, Timestamp.from(this.clock.instant()), by, why, reference.value());
			if (settled.isEmpty()) {
				throw new BillingProblem("billing.error.nothing-owed");
			}
			CaseId caseId = new CaseId(settled.get(0));
			// Nothing more is charged for it: the money was settled elsewhere.
			int cancelled = this.charges.cancelOpen(caseId, this.clock.instant());
			this.audit.record(AuditEntry.of("BILLING_SETTLED_BY_HAND")
				.subject("case", caseId)
				.details(why + ((cancelled > 0) ? " (" + cancelled + " open charge(s) cancelled)" : "")));
			this.events.publishEvent(new CaseBillingSettled(tenant, caseId));
		}));
	}

}

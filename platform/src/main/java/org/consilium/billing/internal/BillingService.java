package org.consilium.billing.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

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
import org.consilium.tenant.Tenant;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.TenantId;
import org.consilium.tenant.Tenants;
import org.consilium.tenantconfig.Money;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A bill per published case, in the case's tenant partition, written in the publishing
 * transaction. No payment provider is called yet: settling is a platform admin's recorded
 * act, never a pretended charge.
 */
@Service
class BillingService implements Billing {

	private static final int MAX_REASON = 1_000;

	private final JdbcTemplate jdbc;

	private final Tenants tenants;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final TransactionTemplate transactions;

	private final String stripeSecretKey;

	BillingService(JdbcTemplate jdbc, Tenants tenants, AuditLog audit, ApplicationEventPublisher events, Clock clock,
			PlatformTransactionManager transactionManager,
			@Value("${consilium.billing.stripe-secret-key:}") String stripeSecretKey) {
		this.jdbc = jdbc;
		this.tenants = tenants;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
		this.transactions = new TransactionTemplate(transactionManager);
		this.stripeSecretKey = stripeSecretKey;
	}

	/** Publication is completion: the case owes from now, per its programme's policy. */
	@EventListener
	void published(CaseStatusChanged changed) {
		if (changed.to() != CaseStatus.PUBLISHED) {
			return;
		}
		if (!changed.tenant().equals(TenantContext.current())) {
			throw new IllegalStateException("Case event of " + changed.tenant() + " in another tenant");
		}
		org.consilium.tenantconfig.Billing policy = this.tenants.current().config().billing();
		String specialty = this.jdbc.queryForObject("select specialty from medical_case where id = ?", String.class,
				changed.caseId().value());
		Money price = policy.priceFor(specialty);
		boolean free = policy.payer() == org.consilium.tenantconfig.Billing.Payer.FREE;
		int inserted = this.jdbc.update("""
				insert into billing_item (tenant_id, case_id, state, payer, amount, currency, created_at, settled_at,
				    settled_by, settle_reason)
				values (current_setting('app.tenant_id'), ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing
				""", changed.caseId().value(), free ? "SETTLED" : "AWAITING_PAYMENT", policy.payer().name(),
				free ? java.math.BigDecimal.ZERO : price.amount(), price.currency().getCurrencyCode(),
				Timestamp.from(this.clock.instant()), free ? Timestamp.from(this.clock.instant()) : null,
				free ? "Consilium" : null, free ? "free programme" : null);
		if (inserted == 1) {
			this.audit.record(AuditEntry.of("BILLING_ITEM_CREATED")
				.subject("case", changed.caseId())
				.details(policy.payer() + " " + (free ? "0" : price.toString())));
			if (free) {
				this.events.publishEvent(new CaseBillingSettled(changed.tenant(), changed.caseId()));
			}
		}
	}

	@Override
	public boolean providerConfigured() {
		return this.stripeSecretKey != null && !this.stripeSecretKey.isBlank();
	}

	@Override
	public List<AwaitingPayment> awaitingPayment() {
		List<AwaitingPayment> awaiting = new ArrayList<>();
		for (Tenant tenant : this.tenants.all()) {
			awaiting.addAll(TenantContext.callAs(tenant.id(),
					() -> this.transactions.execute((status) -> this.jdbc.query("""
							select c.reference, b.amount, b.currency, b.payer, b.created_at
							from billing_item b join medical_case c on c.tenant_id = b.tenant_id and c.id = b.case_id
							where b.state = 'AWAITING_PAYMENT' order by b.created_at
							""",
							(row, index) -> new AwaitingPayment(tenant.id(), tenant.config().displayName(),
									new CaseReference(row.getString(1)),
									new Money(row.getBigDecimal(2), java.util.Currency.getInstance(row.getString(3))),
									row.getString(4), row.getTimestamp(5).toInstant())))));
		}
		awaiting.sort(Comparator.comparing(AwaitingPayment::since));
		return awaiting;
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
					where state = 'AWAITING_PAYMENT'
					  and case_id = (select id from medical_case where reference = ?)
					returning case_id
					""", java.util.UUID.class, Timestamp.from(this.clock.instant()), by, why, reference.value());
			if (settled.isEmpty()) {
				throw new BillingProblem("billing.error.nothing-owed");
			}
			CaseId caseId = new CaseId(settled.get(0));
			this.audit.record(AuditEntry.of("BILLING_SETTLED_BY_HAND").subject("case", caseId).details(why));
			this.events.publishEvent(new CaseBillingSettled(tenant, caseId));
		}));
	}

}

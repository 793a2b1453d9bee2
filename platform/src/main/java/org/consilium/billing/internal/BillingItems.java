package org.consilium.billing.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import org.consilium.audit.AuditEntry;
import org.consilium.audit.AuditLog;
import org.consilium.cases.CaseBillingSettled;
import org.consilium.cases.CaseId;
import org.consilium.tenant.TenantContext;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A case's bill as a whole, in the current tenant: it waits while any of its charges is
 * open, needs the patient's action while one of them does, and is settled — raising the
 * event that lets the case close — when none is left.
 */
@Component
class BillingItems {

	private final JdbcTemplate jdbc;

	private final ChargeStore charges;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	BillingItems(JdbcTemplate jdbc, ChargeStore charges, AuditLog audit, ApplicationEventPublisher events,
			Clock clock) {
		this.jdbc = jdbc;
		this.charges = charges;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Settles the bill if no charge of the case is open any more; once only.
	 * @return whether it was settled by this call
	 */
	boolean settleIfDone(CaseId caseId, String by, String reason) {
		List<Charge> all = this.charges.ofCase(caseId);
		if (all.stream().anyMatch(Charge::open)) {
			return false;
		}
		List<java.util.UUID> settled = this.jdbc.queryForList("""
				update billing_item set state = 'SETTLED', settled_at = ?, settled_by = ?, settle_reason = ?
				where case_id = ? and state in ('AWAITING_PAYMENT', 'PAYMENT_ACTION_NEEDED')
				returning case_id
				""", java.util.UUID.class, Timestamp.from(this.clock.instant()), by, reason, caseId.value());
		if (settled.isEmpty()) {
			return false;
		}
		this.audit.record(AuditEntry.of("BILLING_SETTLED").subject("case", caseId).details(reason));
		this.events.publishEvent(new CaseBillingSettled(TenantContext.current(), caseId));
		return true;
	}

	/**
	 * @return whether the bill moved to "payment action needed" by this call
	 */
	boolean actionNeeded(CaseId caseId) {
		return this.jdbc.update(
				"update billing_item set state = 'PAYMENT_ACTION_NEEDED' where case_id = ? and state = 'AWAITING_PAYMENT'",
				caseId.value()) == 1;
	}

	/** Back to waiting (the patient paid one charge, another is still open). */
	void awaiting(CaseId caseId) {
		this.jdbc.update(
				"update billing_item set state = 'AWAITING_PAYMENT' where case_id = ? and state = 'PAYMENT_ACTION_NEEDED'",
				caseId.value());
	}

}

package org.consilium.billing.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.consilium.cases.CaseId;
import org.consilium.tenantconfig.Money;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The current tenant's charges (RLS keeps every query inside its partition).
 */
@Component
class ChargeStore {

	private static final String COLUMNS = "case_id, kind, state, attempt, amount, currency, stripe_id, checkout_id, "
			+ "invoice_id, failure_code, failure_message, created_at, succeeded_at";

	private final JdbcTemplate jdbc;

	ChargeStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @return whether it was added (a second completion of the same case adds nothing)
	 */
	boolean add(CaseId caseId, Charge.Kind kind, Money amount, Instant now) {
		return this.jdbc.update("""
				insert into billing_charge (tenant_id, case_id, kind, state, attempt, amount, currency, created_at,
				    updated_at)
				values (current_setting('app.tenant_id'), ?, ?, 'PENDING', 1, ?, ?, ?, ?) on conflict do nothing
				""", caseId.value(), kind.name(), amount.amount(), amount.currency().getCurrencyCode(),
				Timestamp.from(now), Timestamp.from(now)) == 1;
	}

	/**
	 * The pending charge, locked for this transaction; empty if it is not pending or
	 * another node is working on it.
	 */
	Optional<Charge> lockPending(CaseId caseId, Charge.Kind kind) {
		return this.jdbc
			.query("select " + COLUMNS + " from billing_charge where case_id = ? and kind = ? and state = 'PENDING' "
					+ "for update skip locked", this::charge, caseId.value(), kind.name())
			.stream()
			.findFirst();
	}

	/** The charge locked for this transaction, whatever its state (waits for others). */
	Optional<Charge> lock(CaseId caseId, Charge.Kind kind) {
		return this.jdbc
			.query("select " + COLUMNS + " from billing_charge where case_id = ? and kind = ? for update", this::charge,
					caseId.value(), kind.name())
			.stream()
			.findFirst();
	}

	Optional<Charge> find(CaseId caseId, Charge.Kind kind) {
		return this.jdbc
			.query("select " + COLUMNS + " from billing_charge where case_id = ? and kind = ?", this::charge,
					caseId.value(), kind.name())
			.stream()
			.findFirst();
	}

	List<Charge> ofCase(CaseId caseId) {
		return this.jdbc.query("select " + COLUMNS + " from billing_charge where case_id = ? order by created_at, kind",
				this::charge, caseId.value());
	}

	/** Pending charges of the current tenant, oldest first. */
	List<Charge> pending(int limit) {
		return this.jdbc.query(
				"select " + COLUMNS + " from billing_charge where state = 'PENDING' order by updated_at limit ?",
				this::charge, limit);
	}

	void succeeded(CaseId caseId, Charge.Kind kind, String stripeId, Instant now) {
		this.jdbc.update("""
				update billing_charge set state = 'SUCCEEDED', stripe_id = ?, failure_code = null,
				    failure_message = null, succeeded_at = ?, updated_at = ?
				where case_id = ? and kind = ?
				""", stripeId, Timestamp.from(now), Timestamp.from(now), caseId.value(), kind.name());
	}

	void actionNeeded(CaseId caseId, Charge.Kind kind, String stripeId, String code, String message, Instant now) {
		this.jdbc.update("""
				update billing_charge set state = 'ACTION_NEEDED', stripe_id = coalesce(?, stripe_id),
				    failure_code = ?, failure_message = ?, updated_at = ?
				where case_id = ? and kind = ?
				""", stripeId, code, message, Timestamp.from(now), caseId.value(), kind.name());
	}

	/** A new try (e.g. after the patient saved a new card): a new idempotency key. */
	void retry(CaseId caseId, Charge.Kind kind, Instant now) {
		this.jdbc.update("""
				update billing_charge set state = 'PENDING', attempt = attempt + 1, checkout_id = null,
				    updated_at = ?
				where case_id = ? and kind = ? and state = 'ACTION_NEEDED'
				""", Timestamp.from(now), caseId.value(), kind.name());
	}

	void checkout(CaseId caseId, Charge.Kind kind, String checkoutId, Instant now) {
		this.jdbc.update("update billing_charge set checkout_id = ?, updated_at = ? where case_id = ? and kind = ?",
				checkoutId, Timestamp.from(now), caseId.value(), kind.name());
	}

	/**
	 * @return how many open charges of the case were cancelled
	 */
	int cancelOpen(CaseId caseId, Instant now) {
		return this.jdbc.update("""
				update billing_charge set state = 'CANCELLED', updated_at = ?
				where case_id = ? and state in ('PENDING', 'ACTION_NEEDED')
				""", Timestamp.from(now), caseId.value());
	}

	void invoiced(UUID invoiceId, List<String> invoiceItemIds) {
		if (invoiceItemIds.isEmpty()) {
			return;
		}
		this.jdbc.update("update billing_charge set invoice_id = ? where kind = 'EMPLOYER' and invoice_id is null "
				+ "and stripe_id = any(?)", invoiceId, (Object) invoiceItemIds.toArray(new String[0]));
	}

	/** Employer items not yet on an invoice, added before {@code before}. */
	int uninvoicedBefore(Instant before) {
		Integer count = this.jdbc.queryForObject("""
				select count(*) from billing_charge
				where kind = 'EMPLOYER' and state = 'SUCCEEDED' and invoice_id is null and succeeded_at < ?
				""", Integer.class, Timestamp.from(before));
		return (count != null) ? count : 0;
	}

	private Charge charge(ResultSet row, int n) throws SQLException {
		Timestamp succeeded = row.getTimestamp(13);
		return new Charge(new CaseId(row.getObject(1, UUID.class)), Charge.Kind.valueOf(row.getString(2)),
				Charge.State.valueOf(row.getString(3)), row.getInt(4),
				new Money(row.getBigDecimal(5), Currency.getInstance(row.getString(6))), row.getString(7),
				row.getString(8), row.getObject(9, UUID.class), row.getString(10), row.getString(11),
				row.getTimestamp(12).toInstant(), (succeeded != null) ? succeeded.toInstant() : null);
	}

}

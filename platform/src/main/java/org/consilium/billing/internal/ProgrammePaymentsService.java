package org.consilium.billing.internal;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.consilium.billing.ProgrammePayments;
import org.consilium.cases.CaseReference;
import org.consilium.tenantconfig.Money;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the current programme's bills and invoices (RLS keeps them to its partition).
 */
@Service
class ProgrammePaymentsService implements ProgrammePayments {

	private final JdbcTemplate jdbc;

	private final StripeGateway gateway;

	ProgrammePaymentsService(JdbcTemplate jdbc, StripeGateway gateway) {
		this.jdbc = jdbc;
		this.gateway = gateway;
	}

	@Override
	public boolean providerConfigured() {
		return this.gateway.configured();
	}

	@Override
	@Transactional(readOnly = true)
	public List<CaseBillSummary> bills(int limit) {
		Map<UUID, CaseBillSummary> bills = new LinkedHashMap<>();
		this.jdbc.query("""
				select b.case_id, c.reference, b.state, b.amount, b.currency, b.created_at
				from billing_item b join medical_case c on c.tenant_id = b.tenant_id and c.id = b.case_id
				order by b.created_at desc limit ?
				""", (row) -> {
			bills.put(row.getObject(1, UUID.class),
					new CaseBillSummary(new CaseReference(row.getString(2)), row.getString(3),
							new Money(row.getBigDecimal(4), Currency.getInstance(row.getString(5))),
							row.getTimestamp(6).toInstant(), new ArrayList<>()));
		}, limit);
		if (bills.isEmpty()) {
			return List.of();
		}
		this.jdbc.query(
				"""
						select ch.case_id, ch.kind, ch.amount, ch.currency, ch.state, coalesce(ch.succeeded_at, ch.updated_at),
						       ch.stripe_id, i.number
						from billing_charge ch left join billing_invoice i on i.tenant_id = ch.tenant_id and i.id = ch.invoice_id
						where ch.case_id = any(?) order by ch.created_at, ch.kind
						""",
				(row) -> {
					Timestamp at = row.getTimestamp(6);
					bills.get(row.getObject(1, UUID.class))
						.charges()
						.add(new ChargeLine(row.getString(2),
								new Money(row.getBigDecimal(3), Currency.getInstance(row.getString(4))),
								row.getString(5), (at != null) ? at.toInstant() : null, row.getString(7),
								row.getString(8)));
				}, (Object) bills.keySet().toArray(new UUID[0]));
		return List.copyOf(bills.values());
	}

	@Override
	@Transactional(readOnly = true)
	public List<EmployerInvoice> invoices() {
		Map<UUID, EmployerInvoice> invoices = new LinkedHashMap<>();
		this.jdbc.query("""
				select id, number, period, status, total, currency, finalized_at, hosted_url
				from billing_invoice order by created_at desc
				""", (row) -> {
			Timestamp finalised = row.getTimestamp(7);
			invoices.put(row.getObject(1, UUID.class),
					new EmployerInvoice(row.getString(2), row.getString(3), row.getString(4),
							(row.getBigDecimal(5) != null)
									? new Money(row.getBigDecimal(5), Currency.getInstance(row.getString(6))) : null,
							(finalised != null) ? finalised.toInstant() : null, row.getString(8), new ArrayList<>()));
		});
		if (invoices.isEmpty()) {
			return List.of();
		}
		this.jdbc.query("""
				select ch.invoice_id, c.reference from billing_charge ch
				join medical_case c on c.tenant_id = ch.tenant_id and c.id = ch.case_id
				where ch.invoice_id is not null order by c.reference
				""", (row) -> {
			EmployerInvoice invoice = invoices.get(row.getObject(1, UUID.class));
			if (invoice != null) {
				invoice.cases().add(new CaseReference(row.getString(2)));
			}
		});
		return List.copyOf(invoices.values());
	}

}

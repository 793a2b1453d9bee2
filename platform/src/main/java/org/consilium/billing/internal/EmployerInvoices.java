package org.consilium.billing.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.stripe.model.Invoice;
import org.consilium.audit.AuditEntry;
import org.consilium.audit.AuditLog;
import org.consilium.tenant.Tenant;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.TenantId;
import org.consilium.tenant.Tenants;
import org.consilium.tenantconfig.Billing;
import org.consilium.tenantconfig.TenantConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The company's invoices. Each completed case put an item on the company's Stripe
 * customer; an invoice gathers every item still pending there and is finalised (sent, due
 * in 30 days) — per case, or once a month for the month that ended (months in UTC). The
 * invoice row is written before Stripe is called and keyed by its period, and the Stripe
 * call's idempotency key names the same period, so a crash or a second node never makes
 * two invoices for one period.
 */
@Component
class EmployerInvoices {

	private static final Logger log = LoggerFactory.getLogger(EmployerInvoices.class);

	private final JdbcTemplate jdbc;

	private final ChargeStore charges;

	private final StripeCustomers customers;

	private final StripeGateway gateway;

	private final Tenants tenants;

	private final AuditLog audit;

	private final TransactionTemplate transactions;

	private final TaskExecutor executor;

	private final Clock clock;

	EmployerInvoices(JdbcTemplate jdbc, ChargeStore charges, StripeCustomers customers, StripeGateway gateway,
			Tenants tenants, AuditLog audit, PlatformTransactionManager transactionManager, TaskExecutor executor,
			Clock clock) {
		this.jdbc = jdbc;
		this.charges = charges;
		this.customers = customers;
		this.gateway = gateway;
		this.tenants = tenants;
		this.audit = audit;
		this.transactions = new TransactionTemplate(transactionManager);
		this.executor = executor;
		this.clock = clock;
	}

	/**
	 * Run daily: each monthly-invoiced programme gets an invoice for the month that
	 * ended, if it has items from before this month; per-case programmes get any item a
	 * failed per-case run left behind.
	 */
	void finaliseEndedMonths() {
		if (!this.gateway.configured()) {
			return;
		}
		Instant now = this.clock.instant();
		YearMonth current = YearMonth.from(now.atZone(ZoneOffset.UTC));
		Instant monthStart = current.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
		for (Tenant tenant : this.tenants.all()) {
			Billing.EmployerInvoicing invoicing = tenant.config().billing().employerInvoicing().orElse(null);
			if (invoicing == Billing.EmployerInvoicing.MONTHLY) {
				invoice(tenant.id(), current.minusMonths(1).toString(), monthStart);
			}
			else if (invoicing == Billing.EmployerInvoicing.PER_CASE) {
				invoice(tenant.id(), "sweep-" + now.atZone(ZoneOffset.UTC).toLocalDate(), now);
			}
		}
	}

	/** Invoices the pending items once the current transaction has committed. */
	void invoiceAfterCommit(TenantId tenant, String period) {
		// Every item added so far (the clock may be a little behind the database's).
		Runnable work = () -> invoice(tenant, period, this.clock.instant().plus(java.time.Duration.ofDays(1)));
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			work.run();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				try {
					EmployerInvoices.this.executor.execute(work);
				}
				catch (RuntimeException ex) {
					log.debug("Invoice {} of {} left to the daily run: {}", period, tenant, ex.getMessage());
				}
			}
		});
	}

	/**
	 * Makes and finalises the period's invoice if items added before {@code before} wait
	 * for one (or an earlier try of this period did not finish).
	 * @return whether an invoice was finalised by this call
	 */
	boolean invoice(TenantId tenant, String period, Instant before) {
		try {
			return TenantContext.callAs(tenant,
					() -> Boolean.TRUE.equals(this.transactions.execute((status) -> invoiceLocked(period, before))));
		}
		catch (RuntimeException ex) {
			log.warn("Invoice {} of {} not finalised; retried by the daily run: {}", period, tenant, ex.toString());
			return false;
		}
	}

	private boolean invoiceLocked(String period, Instant before) {
		TenantConfig tenant = this.tenants.current().config();
		boolean unfinished = !this.jdbc
			.queryForList("select id from billing_invoice where period = ? and status = 'CREATING'", UUID.class, period)
			.isEmpty();
		if (!unfinished && this.charges.uninvoicedBefore(before) == 0) {
			return false;
		}
		Instant now = this.clock.instant();
		this.jdbc.update("""
				insert into billing_invoice (tenant_id, id, period, status, currency, created_at)
				values (current_setting('app.tenant_id'), ?, ?, 'CREATING', ?, ?) on conflict do nothing
				""", UUID.randomUUID(), period, tenant.billing().currency().getCurrencyCode(), Timestamp.from(now));
		List<Map<String, Object>> rows = this.jdbc
			.queryForList("select id, status from billing_invoice where period = ? for update", period);
		if (rows.isEmpty() || !"CREATING".equals(rows.get(0).get("status"))) {
			return false;
		}
		UUID id = (UUID) rows.get(0).get("id");
		Invoice invoice = this.gateway.finalisedInvoice("consilium:" + tenant.slug() + ":invoice:" + period,
				this.customers.employerOrCreate(tenant), tenant.displayName() + " second opinions " + period,
				Map.of("tenant", tenant.slug(), "period", period));
		List<String> items = this.gateway.invoiceItemsOn(invoice);
		this.charges.invoiced(id, items);
		java.util.Currency currency = java.util.Currency.getInstance(invoice.getCurrency().toUpperCase());
		this.jdbc.update("""
				update billing_invoice set stripe_invoice_id = ?, number = ?, status = ?, total = ?, currency = ?,
				    hosted_url = ?, finalized_at = ?
				where id = ?
				""", invoice.getId(), invoice.getNumber(), status(invoice.getStatus()),
				StripeGateway.fromMinorUnits(invoice.getTotal(), currency).amount(), currency.getCurrencyCode(),
				invoice.getHostedInvoiceUrl(), Timestamp.from(now), id);
		this.audit.record(AuditEntry.of("EMPLOYER_INVOICE_FINALISED")
			.details(period + " " + invoice.getId() + " " + items.size() + " items"));
		return true;
	}

	/** Keeps the invoice's status as Stripe reports it (webhook {@code invoice.*}). */
	void refresh(String stripeInvoiceId, String stripeStatus) {
		this.jdbc.update("update billing_invoice set status = ? where stripe_invoice_id = ? and status <> 'CREATING'",
				status(stripeStatus), stripeInvoiceId);
	}

	static String status(String stripeStatus) {
		return switch (stripeStatus) {
			case "paid" -> "PAID";
			case "void" -> "VOID";
			default -> "OPEN";
		};
	}

}

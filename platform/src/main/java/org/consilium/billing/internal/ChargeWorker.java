package org.consilium.billing.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import com.stripe.exception.CardException;
import com.stripe.exception.StripeException;
import com.stripe.model.InvoiceItem;
import com.stripe.model.PaymentIntent;
import org.consilium.cases.CaseId;
import org.consilium.tenant.Tenant;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.TenantId;
import org.consilium.tenant.Tenants;
import org.consilium.tenantconfig.Billing;
import org.consilium.tenantconfig.TenantConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes pending charges happen at Stripe, exactly once each. A charge is worked inside
 * its tenant's transaction with its row locked ({@code SKIP LOCKED}: one node, one thread
 * at a time); the Stripe call carries the charge's idempotency key (case, kind, attempt),
 * and the outcome is written in the same transaction. If the process dies after Stripe
 * answered and before the commit, the charge is still pending; the next run asks Stripe
 * again with the same key and gets the first answer back instead of a second charge.
 */
@Component
class ChargeWorker {

	private static final Logger log = LoggerFactory.getLogger(ChargeWorker.class);

	private static final int BATCH = 50;

	private final ChargeStore charges;

	private final StripeCustomers customers;

	private final StripeGateway gateway;

	private final ChargeOutcomes outcomes;

	private final CaseFacts cases;

	private final PaymentNotices notices;

	private final EmployerInvoices invoices;

	private final Tenants tenants;

	private final TransactionTemplate transactions;

	private final TaskExecutor executor;

	private final Clock clock;

	/**
	 * Runs right after each Stripe call, before the outcome is written: tests make the
	 * process "die" here.
	 */
	volatile Runnable afterStripeCall = () -> {
	};

	ChargeWorker(ChargeStore charges, StripeCustomers customers, StripeGateway gateway, ChargeOutcomes outcomes,
			CaseFacts cases, PaymentNotices notices, EmployerInvoices invoices, Tenants tenants,
			PlatformTransactionManager transactionManager, TaskExecutor executor, Clock clock) {
		this.charges = charges;
		this.customers = customers;
		this.gateway = gateway;
		this.outcomes = outcomes;
		this.cases = cases;
		this.notices = notices;
		this.invoices = invoices;
		this.tenants = tenants;
		this.transactions = new TransactionTemplate(transactionManager);
		this.executor = executor;
		this.clock = clock;
	}

	/** Works every pending charge of every programme; run by the scheduler. */
	void workPending() {
		if (!this.gateway.configured()) {
			return;
		}
		for (Tenant tenant : this.tenants.all()) {
			List<Charge> pending = TenantContext.callAs(tenant.id(),
					() -> this.transactions.execute((status) -> this.charges.pending(BATCH)));
			for (Charge charge : pending) {
				work(tenant.id(), charge.caseId(), charge.kind());
			}
		}
	}

	/** Works the case's charges once the current transaction has committed. */
	void workAfterCommit(TenantId tenant, CaseId caseId, List<Charge.Kind> kinds) {
		Runnable work = () -> kinds.forEach((kind) -> work(tenant, caseId, kind));
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			this.executor.execute(work);
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				try {
					ChargeWorker.this.executor.execute(work);
				}
				catch (RuntimeException ex) {
					log.debug("Charges of {} left to the scheduled run: {}", caseId, ex.getMessage());
				}
			}
		});
	}

	/**
	 * Works one charge if it is pending and nobody else is working on it.
	 * @return whether this call moved it
	 */
	boolean work(TenantId tenant, CaseId caseId, Charge.Kind kind) {
		try {
			return TenantContext.callAs(tenant, () -> Boolean.TRUE.equals(this.transactions
				.execute((status) -> this.charges.lockPending(caseId, kind).map(this::work).orElse(false))));
		}
		catch (RuntimeException ex) {
			// Stripe unreachable, or the process "died": nothing was written, the charge
			// stays pending and the next run repeats the call with the same key.
			log.warn("Charge {} of case {} in {} left pending: {}", kind, caseId, tenant, ex.toString());
			return false;
		}
	}

	private boolean work(Charge charge) {
		TenantConfig tenant = this.tenants.current().config();
		CaseFacts.Facts facts = this.cases.of(charge.caseId())
			.orElseThrow(() -> new IllegalStateException("Charge of a case that is not here: " + charge.caseId()));
		Map<String, String> metadata = Map.of("tenant", tenant.slug(), "case", charge.caseId().value().toString(),
				"reference", facts.reference().value(), "kind", charge.kind().name(), "attempt",
				Integer.toString(charge.attempt()));
		String description = tenant.displayName() + " " + facts.reference().value();
		if (charge.kind() == Charge.Kind.EMPLOYER) {
			InvoiceItem item = this.gateway.invoiceItem(charge.idempotencyKey(tenant.slug()),
					this.customers.employerOrCreate(tenant), charge.amount(), description, metadata);
			this.afterStripeCall.run();
			this.outcomes.succeeded(charge, item.getId());
			if (tenant.billing().employerInvoicing().orElse(null) == Billing.EmployerInvoicing.PER_CASE) {
				this.invoices.invoiceAfterCommit(TenantContext.current(), "case-" + facts.reference().value());
			}
			return true;
		}
		if (charge.kind() == Charge.Kind.REFUND) {
			Charge paid = this.charges.ofCase(charge.caseId())
				.stream()
				.filter((c) -> (c.kind() == Charge.Kind.CASE_PRICE || c.kind() == Charge.Kind.COPAY)
						&& c.state() == Charge.State.SUCCEEDED)
				.findFirst()
				.orElseThrow(() -> new IllegalStateException(
						"A refund of case " + charge.caseId() + " without a card payment"));
			com.stripe.model.Refund refund = this.gateway.refund(charge.idempotencyKey(tenant.slug()), paid.stripeId(),
					charge.amount(), metadata);
			this.afterStripeCall.run();
			this.outcomes.succeeded(charge, refund.getId());
			return true;
		}
		if (!charge.kind().patientCard()) {
			throw new IllegalStateException("The worker does not make " + charge.kind() + " charges");
		}
		StripeCustomers.Customer customer = this.customers.patientOrCreate(facts.patientId());
		if (!customer.hasCard()) {
			this.outcomes.actionNeeded(charge, facts, null, "no_saved_card", "No card was saved for this case");
			return true;
		}
		try {
			PaymentIntent intent = this.gateway.chargeOffSession(charge.idempotencyKey(tenant.slug()),
					customer.stripeId(), customer.paymentMethodId(), charge.amount(), description,
					this.notices.email(facts.patientId()), metadata);
			this.afterStripeCall.run();
			if ("succeeded".equals(intent.getStatus())) {
				this.outcomes.succeeded(charge, intent.getId());
			}
			else if ("processing".equals(intent.getStatus())) {
				// Stays pending; the payment_intent.succeeded webhook settles it.
				return false;
			}
			else {
				this.outcomes.actionNeeded(charge, facts, intent.getId(), intent.getStatus(),
						"The payment was not completed");
			}
			return true;
		}
		catch (CardException ex) {
			this.afterStripeCall.run();
			String intent = (ex.getStripeError() != null && ex.getStripeError().getPaymentIntent() != null)
					? ex.getStripeError().getPaymentIntent().getId() : null;
			this.outcomes.actionNeeded(charge, facts, intent, ex.getCode(),
					ex.getStripeError() != null ? ex.getStripeError().getMessage() : ex.getMessage());
			return true;
		}
		catch (StripeException ex) {
			throw new PaymentProviderException(ex);
		}
	}

}

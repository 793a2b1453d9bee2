package org.consilium.review.internal;

import java.util.function.Supplier;

import org.consilium.cases.CaseNotFoundException;
import org.consilium.review.CaseKey;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.Tenants;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The explicit, differently named path by which operator users work on a tenant's case:
 * the work runs in that tenant's partition and transaction, where row-level security
 * still applies with the caller's actor setting (decision 015). An unknown programme is
 * "not found", like a case the caller may not see.
 */
@Component
class InTenant {

	private final Tenants tenants;

	private final TransactionTemplate transactions;

	private final TransactionTemplate readOnly;

	InTenant(Tenants tenants, PlatformTransactionManager transactionManager) {
		this.tenants = tenants;
		this.transactions = new TransactionTemplate(transactionManager);
		this.readOnly = new TransactionTemplate(transactionManager);
		this.readOnly.setReadOnly(true);
	}

	<T> T write(CaseKey key, Supplier<T> work) {
		return run(key, this.transactions, work);
	}

	<T> T read(CaseKey key, Supplier<T> work) {
		return run(key, this.readOnly, work);
	}

	void write(CaseKey key, Runnable work) {
		run(key, this.transactions, () -> {
			work.run();
			return null;
		});
	}

	private <T> T run(CaseKey key, TransactionTemplate template, Supplier<T> work) {
		if (this.tenants.find(key.tenant()).isEmpty()) {
			throw new CaseNotFoundException(key.path());
		}
		return TenantContext.callAs(key.tenant(), () -> template.execute((status) -> work.get()));
	}

}

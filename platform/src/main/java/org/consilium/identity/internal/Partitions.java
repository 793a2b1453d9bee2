package org.consilium.identity.internal;

import java.util.function.Supplier;

import org.consilium.tenant.TenantContext;
import org.consilium.tenant.TenantId;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs account work in the partition of the current site: the tenant's, or on the
 * operator site the operator's. Each call is its own transaction unless one is already
 * running.
 */
@Component
class Partitions {

	private final TransactionTemplate transactions;

	private final TransactionTemplate separate;

	Partitions(PlatformTransactionManager transactionManager) {
		this.transactions = new TransactionTemplate(transactionManager);
		this.separate = new TransactionTemplate(transactionManager);
		this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	static TenantId currentSite() {
		return TenantContext.find().orElse(TenantId.PLATFORM);
	}

	<T> T inCurrentSite(Supplier<T> work) {
		return in(currentSite(), work);
	}

	<T> T in(TenantId partition, Supplier<T> work) {
		return TenantContext.callAs(partition, () -> this.transactions.execute((status) -> work.get()));
	}

	/** Commits even if the caller's work fails (failed sign-ins must be counted). */
	<T> T separately(TenantId partition, Supplier<T> work) {
		return TenantContext.callAs(partition, () -> this.separate.execute((status) -> work.get()));
	}

}

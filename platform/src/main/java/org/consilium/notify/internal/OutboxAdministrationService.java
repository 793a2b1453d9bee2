package org.consilium.notify.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.consilium.audit.AuditEntry;
import org.consilium.audit.AuditLog;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.TenantId;
import org.consilium.notify.OutboxAdministration;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Messages parked after their last attempt are listed across tenants by their ids (the
 * queue), each read inside its own tenant's partition.
 */
@Service
class OutboxAdministrationService implements OutboxAdministration {

	private final OutboxQueue queue;

	private final OutboxRepository outbox;

	private final OutboxDispatcher dispatcher;

	private final AuditLog audit;

	private final TransactionTemplate transactions;

	private final Clock clock;

	OutboxAdministrationService(OutboxQueue queue, OutboxRepository outbox, OutboxDispatcher dispatcher, AuditLog audit,
			PlatformTransactionManager transactionManager, Clock clock) {
		this.queue = queue;
		this.outbox = outbox;
		this.dispatcher = dispatcher;
		this.audit = audit;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	@Override
	@PreAuthorize("hasRole('PLATFORM_ADMIN')")
	public List<FailedMessage> failed() {
		List<FailedMessage> failed = new ArrayList<>();
		for (OutboxQueue.Entry entry : this.queue.failed(500)) {
			TenantContext.runAs(entry.tenant(),
					() -> this.transactions.executeWithoutResult((status) -> this.outbox.findById(entry.messageId())
						.ifPresent((m) -> failed.add(new FailedMessage(entry.tenant(), m.id(), m.kind(),
								m.recipientEmail(), m.attempts(), m.lastError(), m.createdAt())))));
		}
		return failed;
	}

	@Override
	@PreAuthorize("hasRole('PLATFORM_ADMIN')")
	public void retry(TenantId tenant, UUID messageId) {
		TenantContext.runAs(tenant, () -> this.transactions.executeWithoutResult((status) -> {
			OutboxMessage message = this.outbox.findById(messageId).orElseThrow();
			message.retry(this.clock.instant());
			this.queue.reschedule(tenant, messageId, this.clock.instant());
			this.audit.record(AuditEntry.of("NOTIFICATION_RETRIED").subject("notification", messageId));
		}));
		this.dispatcher.sendSoon(new OutboxDispatcher.Entry(tenant, messageId));
	}

}

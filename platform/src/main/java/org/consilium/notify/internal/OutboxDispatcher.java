package org.consilium.notify.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.consilium.tenant.TenantContext;
import org.consilium.tenant.TenantId;
import org.consilium.tenant.Tenants;
import org.consilium.tenantconfig.TenantConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.task.TaskExecutor;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends outbox messages. Each message is sent inside its own tenant's transaction with
 * its row locked ({@code SKIP LOCKED}: never by two nodes at once) and marked sent in the
 * same transaction; if the process dies between the SMTP hand-over and the commit, the
 * message is sent again later with the same Message-ID, which mail clients recognise as
 * the same message. Failures are retried with growing back-off and parked as failed after
 * the last attempt: a mail the server refused, and a message that could not be prepared
 * (its programme gone from the catalog, its rendering failing) alike. Only a failure
 * after the hand-over (the process dying before it could record the send) leaves no
 * trace, because the recipient may already have the message.
 */
@Component
class OutboxDispatcher {

	private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);

	static final int BATCH = 50;

	private final OutboxRepository outbox;

	private final OutboxQueue queue;

	private final MessageRenderer renderer;

	private final MailTransport transport;

	private final Tenants tenants;

	private final NotifyProperties properties;

	private final TransactionTemplate transactions;

	private final TaskExecutor executor;

	private final Clock clock;

	OutboxDispatcher(OutboxRepository outbox, OutboxQueue queue, MessageRenderer renderer, MailTransport transport,
			Tenants tenants, NotifyProperties properties, PlatformTransactionManager transactionManager,
			TaskExecutor executor, Clock clock) {
		this.outbox = outbox;
		this.queue = queue;
		this.renderer = renderer;
		this.transport = transport;
		this.tenants = tenants;
		this.properties = properties;
		this.transactions = new TransactionTemplate(transactionManager);
		this.executor = executor;
		this.clock = clock;
	}

	/** Sends every due message; run by the scheduler. @return how many were sent */
	int dispatchDue() {
		Instant now = this.clock.instant();
		int sent = 0;
		OutboxQueue.Entry last = null;
		List<OutboxQueue.Entry> due;
		do {
			due = this.queue.due(now, last, BATCH);
			for (OutboxQueue.Entry entry : due) {
				if (dispatch(new Entry(entry.tenant(), entry.messageId()))) {
					sent++;
				}
			}
			last = due.isEmpty() ? last : due.get(due.size() - 1);
		}
		while (due.size() == BATCH);
		return sent;
	}

	/**
	 * Sends one message now, off the caller's thread (right after the transaction that
	 * wrote it).
	 */
	void sendSoon(Entry entry) {
		try {
			this.executor.execute(() -> dispatch(entry));
		}
		catch (RuntimeException ex) {
			// The scheduled run will send it.
			log.debug("Could not hand message {} to the executor: {}", entry.messageId(), ex.getMessage());
		}
	}

	/**
	 * @return whether the message was sent by this call
	 */
	boolean dispatch(Entry entry) {
		try {
			return TenantContext.callAs(entry.tenant(),
					() -> Boolean.TRUE.equals(this.transactions.execute((status) -> sendLocked(entry))));
		}
		catch (NotPrepared ex) {
			// Nothing was handed over: an attempt like a refused mail, recorded in a
			// transaction of its own (the sending one rolled back).
			recordUnprepared(entry, ex.getCause());
			return false;
		}
		catch (RuntimeException ex) {
			// A crash-like failure after the hand-over (not a refused mail): nothing is
			// recorded, the message stays due and goes again with the same Message-ID.
			log.warn("Sending message {} of {} failed and will be retried: {}", entry.messageId(), entry.tenant(),
					ex.toString());
			return false;
		}
	}

	private boolean sendLocked(Entry entry) {
		OutboxMessage message = lockDue(entry);
		if (message == null) {
			return false;
		}
		RenderedMail mail;
		try {
			mail = prepare(entry, message);
		}
		catch (RuntimeException ex) {
			throw new NotPrepared(ex);
		}
		try {
			this.transport.send(mail);
		}
		catch (MailException ex) {
			failed(entry, message, ex.getMessage());
			return false;
		}
		message.sent(this.clock.instant());
		this.queue.remove(entry.tenant(), message.id());
		return true;
	}

	/** The message, locked, if it is still pending and due now; else null. */
	private OutboxMessage lockDue(Entry entry) {
		OutboxMessage message = this.outbox.lockForSending(entry.messageId()).orElse(null);
		if (message == null) {
			return null;
		}
		if (!message.isPending()) {
			this.queue.remove(entry.tenant(), message.id());
			return null;
		}
		if (message.nextAttemptAt().isAfter(this.clock.instant())) {
			return null;
		}
		return message;
	}

	private RenderedMail prepare(Entry entry, OutboxMessage message) {
		// The operator's partition sends as the operator site (its staff accounts).
		TenantConfig tenant = entry.tenant().isPlatform() ? null
				: this.tenants.find(entry.tenant())
					.orElseThrow(() -> new IllegalStateException("Tenant " + entry.tenant() + " is not in the catalog"))
					.config();
		return this.renderer.render(tenant, message.kind(), message.locale(), message.recipientName(), message.link(),
				message.messageId(), message.recipientEmail());
	}

	private void recordUnprepared(Entry entry, Throwable cause) {
		try {
			TenantContext.runAs(entry.tenant(), () -> this.transactions.executeWithoutResult((status) -> {
				// Still due: no other node recorded this attempt in the meantime.
				OutboxMessage message = lockDue(entry);
				if (message != null) {
					failed(entry, message, "Could not be prepared: " + cause);
				}
			}));
		}
		catch (RuntimeException ex) {
			log.warn("Could not record the failed attempt of message {} of {}; it stays due: {}", entry.messageId(),
					entry.tenant(), ex.toString());
		}
	}

	/** One failed attempt: retried after a growing delay, parked after the last. */
	private void failed(Entry entry, OutboxMessage message, String error) {
		boolean parked = message.failed(error, this.properties.maxAttempts(),
				this.properties.backoff(message.attempts() + 1), this.clock.instant());
		if (parked) {
			this.queue.park(entry.tenant(), message.id());
			log.error("Message {} of {} ({}) parked as failed after {} attempts: {}", message.id(), entry.tenant(),
					message.kind(), message.attempts(), error);
		}
		else {
			this.queue.reschedule(entry.tenant(), message.id(), message.nextAttemptAt());
		}
	}

	/**
	 * The message could not be prepared for sending (its programme, its rendering):
	 * nothing was handed over.
	 */
	private static final class NotPrepared extends RuntimeException {

		NotPrepared(RuntimeException cause) {
			super(cause);
		}

	}

	record Entry(TenantId tenant, UUID messageId) {
	}

}

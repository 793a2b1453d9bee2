package org.consilium.notify.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.consilium.notify.Notice;
import org.consilium.notify.Notifications;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.TenantId;

import org.springframework.data.domain.Limit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes notices to the outbox (and the recipient's in-app list) in the caller's
 * transaction, and asks the dispatcher to send them right after that transaction commits;
 * the scheduled dispatcher catches anything that was not sent then.
 */
@Service
class NotificationService implements Notifications {

	private final OutboxRepository outbox;

	private final OutboxQueue queue;

	private final InAppNoticeRepository notices;

	private final OutboxDispatcher dispatcher;

	private final NotifyProperties properties;

	private final TransactionTemplate transactions;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	NotificationService(OutboxRepository outbox, OutboxQueue queue, InAppNoticeRepository notices,
			OutboxDispatcher dispatcher, NotifyProperties properties, PlatformTransactionManager transactionManager,
			JdbcTemplate jdbc, Clock clock) {
		this.outbox = outbox;
		this.queue = queue;
		this.notices = notices;
		this.dispatcher = dispatcher;
		this.properties = properties;
		this.transactions = new TransactionTemplate(transactionManager);
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public UUID send(Notice notice) {
		TenantId tenant = TenantContext.current();
		return this.transactions.execute((status) -> {
			OutboxMessage message = this.outbox
				.save(OutboxMessage.of(notice, this.properties.messageIdDomain(), this.clock.instant()));
			this.queue.add(message.id(), message.nextAttemptAt());
			notice.recipientUserId()
				.ifPresent((user) -> this.notices
					.save(new InAppNoticeEntity(user, notice.kind(), notice.link(), this.clock.instant())));
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					OutboxDispatcher.Entry entry = new OutboxDispatcher.Entry(tenant, message.id());
					NotificationService.this.dispatcher.sendSoon(entry);
				}
			});
			return message.id();
		});
	}

	@Override
	public Optional<UUID> sendUnlessSentSince(Notice notice, Instant since) {
		return this.transactions.execute((status) -> {
			// Held to the end of the caller's transaction: a racing equal notice waits,
			// then
			// sees this one.
			this.jdbc.query("select pg_advisory_xact_lock(hashtextextended(?, 0))", (row) -> {
			}, String.join("|", "notice", TenantContext.current().value(), notice.kind().name(),
					notice.recipientEmail(), notice.link()));
			if (this.outbox.existsByKindAndRecipientEmailAndLinkAndCreatedAtGreaterThanEqual(notice.kind(),
					notice.recipientEmail(), notice.link(), since)) {
				return Optional.empty();
			}
			return Optional.of(send(notice));
		});
	}

	@Override
	public List<InAppNotice> inbox(String userId, int limit) {
		return this.transactions
			.execute((status) -> this.notices.findByUserIdOrderByCreatedAtDesc(userId, Limit.of(limit))
				.stream()
				.map(InAppNoticeEntity::view)
				.toList());
	}

	@Override
	public long unread(String userId) {
		return this.transactions.execute((status) -> this.notices.countByUserIdAndReadAtIsNull(userId));
	}

	@Override
	public void markRead(String userId, UUID noticeId) {
		this.transactions.executeWithoutResult((status) -> this.notices.findById(noticeId)
			.filter((notice) -> notice.belongsTo(userId))
			.ifPresent((notice) -> notice.markRead(this.clock.instant())));
	}

	@Override
	public void markAllRead(String userId) {
		this.transactions.executeWithoutResult((status) -> this.notices.markAllRead(userId, this.clock.instant()));
	}

}

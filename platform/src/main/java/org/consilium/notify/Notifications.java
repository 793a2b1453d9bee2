package org.consilium.notify;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Sends notices and shows them in the app.
 */
public interface Notifications {

	/**
	 * Writes the notice to the outbox of the current tenant, inside the caller's
	 * transaction: it is sent if and only if that transaction commits.
	 * @return the outbox message id
	 */
	UUID send(Notice notice);

	/**
	 * As {@link #send(Notice)}, unless the same notice (kind, recipient and link) was
	 * already written since then: for events that come in bursts (files uploaded one by
	 * one) and deserve one message. Notices that race wait for each other, so only one of
	 * them is written.
	 * @return the outbox message id, or empty if an equal notice was written since
	 */
	Optional<UUID> sendUnlessSentSince(Notice notice, Instant since);

	/** The user's in-app notices, newest first. */
	List<InAppNotice> inbox(String userId, int limit);

	long unread(String userId);

	void markRead(String userId, UUID noticeId);

	void markAllRead(String userId);

	/** An in-app notice. */
	record InAppNotice(UUID id, org.consilium.tenantconfig.NotificationKind kind, String link,
			java.time.Instant createdAt, boolean read) {
	}

}

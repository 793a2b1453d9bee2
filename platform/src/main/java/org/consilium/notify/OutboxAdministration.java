package org.consilium.notify;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.consilium.tenant.TenantId;
import org.consilium.tenantconfig.NotificationKind;

/**
 * What a platform admin can do with the outbox: see messages parked after their last
 * attempt, across programmes, and send one again once the cause is fixed.
 */
public interface OutboxAdministration {

	List<FailedMessage> failed();

	/** Sends a parked message again: a fresh series of attempts, starting now. */
	void retry(TenantId tenant, UUID messageId);

	/** A message parked after its last attempt. */
	record FailedMessage(TenantId tenant, UUID id, NotificationKind kind, String recipient, int attempts,
			String lastError, Instant createdAt) {
	}

}

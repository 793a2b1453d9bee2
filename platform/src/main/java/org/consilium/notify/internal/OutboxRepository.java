package org.consilium.notify.internal;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;
import jakarta.persistence.QueryHint;
import org.consilium.tenantconfig.NotificationKind;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;

interface OutboxRepository extends JpaRepository<OutboxMessage, UUID> {

	/**
	 * The message, locked for this transaction; empty if another node is sending it right
	 * now ({@code SKIP LOCKED}), so one message is never sent twice at the same time.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@QueryHints(@QueryHint(name = "jakarta.persistence.lock.timeout", value = "-2"))
	@Query("select m from OutboxMessage m where m.id = :id")
	Optional<OutboxMessage> lockForSending(UUID id);

	boolean existsByKindAndRecipientEmailAndLinkAndCreatedAtGreaterThanEqual(NotificationKind kind,
			String recipientEmail, String link, Instant since);

}

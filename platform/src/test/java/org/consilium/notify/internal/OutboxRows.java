package org.consilium.notify.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.consilium.support.TestDatabase;

/**
 * An outbox message as the database has it (read past row-level security), and waiting
 * for the dispatcher, which sends off the test's thread.
 */
final class OutboxRows {

	private OutboxRows() {
	}

	static Map<String, Object> row(String tenant, UUID id) {
		return TestDatabase.get()
			.adminJdbc()
			.queryForMap("select * from notification_outbox where tenant_id = ? and id = ?", tenant, id);
	}

	static String status(String tenant, UUID id) {
		return (String) row(tenant, id).get("status");
	}

	static int attempts(String tenant, UUID id) {
		return ((Number) row(tenant, id).get("attempts")).intValue();
	}

	static Instant nextAttemptAt(String tenant, UUID id) {
		return ((Timestamp) row(tenant, id).get("next_attempt_at")).toInstant();
	}

	static String lastError(String tenant, UUID id) {
		return (String) row(tenant, id).get("last_error");
	}

	static String messageId(String tenant, UUID id) {
		return (String) row(tenant, id).get("message_id");
	}

	static String queueState(String tenant, UUID id) {
		return TestDatabase.get()
			.adminJdbc()
			.queryForList("select state from outbox_queue where tenant_id = ? and message_id = ?", String.class, tenant,
					id)
			.stream()
			.findFirst()
			.orElse(null);
	}

	static String address() {
		return "notice-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
	}

	static void waitUntil(BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Condition not reached in 20 seconds");
			}
			Thread.sleep(100);
		}
	}

}

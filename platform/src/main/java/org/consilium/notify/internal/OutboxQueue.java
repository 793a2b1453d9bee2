package org.consilium.notify.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.consilium.tenant.TenantId;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The dispatcher's work list across tenants: ids and due times only. Entries are written
 * in the same transaction as their message (so they commit or roll back together) and
 * read without a tenant; each message is then handled inside its own tenant's partition.
 */
@Component
class OutboxQueue {

	private final JdbcTemplate jdbc;

	OutboxQueue(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void add(UUID messageId, Instant due) {
		this.jdbc.update("insert into outbox_queue (tenant_id, message_id, state, due_at) "
				+ "values (current_setting('app.tenant_id'), ?, 'DUE', ?)", messageId, Timestamp.from(due));
	}

	void reschedule(TenantId tenant, UUID messageId, Instant due) {
		this.jdbc.update("update outbox_queue set state = 'DUE', due_at = ? where tenant_id = ? and message_id = ?",
				Timestamp.from(due), tenant.value(), messageId);
	}

	void park(TenantId tenant, UUID messageId) {
		this.jdbc.update("update outbox_queue set state = 'FAILED' where tenant_id = ? and message_id = ?",
				tenant.value(), messageId);
	}

	void remove(TenantId tenant, UUID messageId) {
		this.jdbc.update("delete from outbox_queue where tenant_id = ? and message_id = ?", tenant.value(), messageId);
	}

	List<Entry> due(Instant now, int limit) {
		return this.jdbc.query(
				"select tenant_id, message_id from outbox_queue where state = 'DUE' and due_at <= ? order by due_at limit ?",
				(row, n) -> new Entry(TenantId.of(row.getString(1)), row.getObject(2, UUID.class)), Timestamp.from(now),
				limit);
	}

	List<Entry> failed(int limit) {
		return this.jdbc.query(
				"select tenant_id, message_id from outbox_queue where state = 'FAILED' order by due_at desc limit ?",
				(row, n) -> new Entry(TenantId.of(row.getString(1)), row.getObject(2, UUID.class)), limit);
	}

	record Entry(TenantId tenant, UUID messageId) {
	}

}

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

	/**
	 * Due entries in a stable order (due time, then id), starting after {@code after}: a
	 * dispatcher run walks the whole list once, so entries that cannot be sent yet never
	 * hide the ones behind them.
	 */
	List<Entry> due(Instant now, Entry after, int limit) {
		if (after == null) {
			return this.jdbc.query(
					"select tenant_id, message_id, due_at from outbox_queue "
							+ "where state = 'DUE' and due_at <= ? order by due_at, message_id limit ?",
					this::entry, Timestamp.from(now), limit);
		}
		return this.jdbc.query(
				"select tenant_id, message_id, due_at from outbox_queue where state = 'DUE' and due_at <= ? "
						+ "and (due_at, message_id) > (?, ?) order by due_at, message_id limit ?",
				this::entry, Timestamp.from(now), Timestamp.from(after.dueAt()), after.messageId(), limit);
	}

	private Entry entry(java.sql.ResultSet row, int n) throws java.sql.SQLException {
		return new Entry(TenantId.of(row.getString(1)), row.getObject(2, UUID.class), row.getTimestamp(3).toInstant());
	}

	List<Entry> failed(int limit) {
		return this.jdbc.query(
				"select tenant_id, message_id, due_at from outbox_queue where state = 'FAILED' order by due_at desc limit ?",
				this::entry, limit);
	}

	record Entry(TenantId tenant, UUID messageId, Instant dueAt) {
	}

}

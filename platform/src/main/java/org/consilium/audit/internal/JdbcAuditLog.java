package org.consilium.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.consilium.audit.AuditEntry;
import org.consilium.audit.AuditLog;
import org.consilium.audit.AuditRecord;
import org.consilium.audit.AuditVerification;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.TenantId;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Appends to a per-tenant hash chain. Appends to one partition are serialized by a
 * transaction-scoped advisory lock, so seq stays gapless and each row links to the one
 * before. See docs/decisions/004-audit-hash-chain.md.
 */
@Service
class JdbcAuditLog implements AuditLog {

	private static final int MAX_TEXT = 512;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	JdbcAuditLog(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	@Override
	public void record(AuditEntry entry) {
		TenantId partition = TenantContext.current();
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			this.transactions.executeWithoutResult((status) -> append(partition, entry));
			return;
		}
		append(partition, entry);
	}

	private void append(TenantId partition, AuditEntry entry) {
		withPartition(partition, () -> {
			this.jdbc.queryForObject("select pg_advisory_xact_lock(hashtext('audit:' || ?))::text", String.class,
					partition.value());
			Optional<AuditRecord> last = this.jdbc
				.query("select * from audit_event where tenant_id = ? order by seq desc limit 1", this::map,
						partition.value())
				.stream()
				.findFirst();
			Optional<HttpServletRequest> request = currentRequest();
			AuditRecord row = new AuditRecord(partition.value(), last.map((r) -> r.seq() + 1).orElse(1L),
					Instant.now().truncatedTo(ChronoUnit.MICROS), actor(), entry.action(), entry.subjectType(),
					entry.subjectId(), request.map(HttpServletRequest::getRemoteAddr).orElse(null),
					request.map((r) -> truncate(r.getHeader("User-Agent"))).orElse(null), truncate(entry.details()),
					last.map(AuditRecord::hash).orElse(HashChain.GENESIS), null);
			String hash = HashChain.hash(row);
			this.jdbc
				.update("insert into audit_event (tenant_id, seq, occurred_at, actor, action, subject_type, subject_id, "
						+ "source_ip, user_agent, details, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
						row.tenantId(), row.seq(), Timestamp.from(row.occurredAt()), row.actor(), row.action(),
						row.subjectType(), row.subjectId(), row.sourceIp(), row.userAgent(), row.details(),
						row.prevHash(), hash);
		});
	}

	@Override
	public List<AuditRecord> recent(int limit) {
		TenantId partition = TenantContext.current();
		return this.transactions.execute(
				(status) -> this.jdbc.query("select * from audit_event where tenant_id = ? order by seq desc limit ?",
						this::map, partition.value(), limit));
	}

	@Override
	public AuditVerification verify(TenantId partition) {
		return TenantContext.callAs(partition, () -> this.transactions.execute((status) -> {
			AuditVerification[] result = { null };
			long[] expected = { 1 };
			String[] previous = { HashChain.GENESIS };
			this.jdbc.query("select * from audit_event where tenant_id = ? order by seq", (ResultSet rs) -> {
				if (result[0] != null) {
					return;
				}
				AuditRecord row = map(rs, 0);
				if (row.seq() != expected[0]) {
					result[0] = AuditVerification.broken(expected[0] - 1, expected[0],
							"row " + expected[0] + " is missing (next row is " + row.seq() + ")");
				}
				else if (!row.prevHash().equals(previous[0])) {
					result[0] = AuditVerification.broken(expected[0] - 1, row.seq(),
							"does not link to the row before it");
				}
				else if (!HashChain.hash(row).equals(row.hash())) {
					result[0] = AuditVerification.broken(expected[0] - 1, row.seq(),
							"was changed after it was written");
				}
				else {
					previous[0] = row.hash();
					expected[0]++;
				}
			}, partition.value());
			return (result[0] != null) ? result[0] : AuditVerification.ok(expected[0] - 1);
		}));
	}

	/**
	 * Makes the connection's row-level security partition match the one written to, for
	 * the duration of the append only, then puts back what the surrounding transaction
	 * had.
	 */
	private void withPartition(TenantId partition, Runnable work) {
		String previous = this.jdbc.queryForObject("select current_setting('app.tenant_id', true)", String.class);
		boolean switched = !partition.value().equals(previous);
		if (switched) {
			setPartition(partition.value());
		}
		try {
			work.run();
		}
		finally {
			if (switched) {
				setPartition((previous != null) ? previous : "");
			}
		}
	}

	private void setPartition(String value) {
		this.jdbc.queryForObject("select set_config('app.tenant_id', ?, true)", String.class, value);
	}

	private AuditRecord map(ResultSet rs, int rowNum) throws SQLException {
		return new AuditRecord(rs.getString("tenant_id"), rs.getLong("seq"), rs.getTimestamp("occurred_at").toInstant(),
				rs.getString("actor"), rs.getString("action"), rs.getString("subject_type"), rs.getString("subject_id"),
				rs.getString("source_ip"), rs.getString("user_agent"), rs.getString("details"),
				rs.getString("prev_hash"), rs.getString("hash"));
	}

	private static String actor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()
				|| "anonymousUser".equals(authentication.getPrincipal())) {
			return "anonymous";
		}
		return authentication.getName();
	}

	private static Optional<HttpServletRequest> currentRequest() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			return Optional.of(attributes.getRequest());
		}
		return Optional.empty();
	}

	private static String truncate(String text) {
		return (text == null || text.length() <= MAX_TEXT) ? text : text.substring(0, MAX_TEXT);
	}

}

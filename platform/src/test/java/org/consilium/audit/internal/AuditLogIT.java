package org.consilium.audit.internal;

import org.consilium.audit.AuditEntry;
import org.consilium.audit.AuditLog;
import org.consilium.audit.AuditRecord;
import org.consilium.audit.AuditVerification;
import org.consilium.support.IntegrationTest;
import org.consilium.support.TestDatabase;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.TenantId;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The audit log is append-only for the application, chained per tenant, and its
 * verification finds a row that was changed or deleted behind the application's back.
 */
@IntegrationTest
class AuditLogIT {

	@Autowired
	AuditLog audit;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Test
	void entries_form_an_intact_chain_per_tenant() {
		TenantId acme = TenantId.of("acme");
		TenantContext.runAs(acme, () -> {
			this.audit.record(AuditEntry.of("TEST_FIRST").subject("case", "c-1"));
			this.audit.record(AuditEntry.of("TEST_SECOND").details("more"));
		});
		var recent = TenantContext.callAs(acme, () -> this.audit.recent(2));
		assertThat(recent).extracting(AuditRecord::action).containsExactly("TEST_SECOND", "TEST_FIRST");
		assertThat(recent.get(0).prevHash()).isEqualTo(recent.get(1).hash());
		assertThat(recent.get(0).seq()).isEqualTo(recent.get(1).seq() + 1);
		AuditVerification verification = this.audit.verify(acme);
		assertThat(verification.intact()).isTrue();
		assertThat(verification.checked()).isGreaterThanOrEqualTo(2);
	}

	@Test
	void the_application_role_cannot_update_delete_or_truncate_audit_rows() {
		TenantId globex = TenantId.of("globex");
		TenantContext.runAs(globex, () -> this.audit.record(AuditEntry.of("TEST_IMMUTABLE")));
		TransactionTemplate transactions = new TransactionTemplate(this.transactionManager);
		assertThatThrownBy(() -> TenantContext.runAs(globex,
				() -> transactions
					.executeWithoutResult((status) -> this.jdbc.update("update audit_event set details = 'forged'"))))
			.rootCause()
			.hasMessageContaining("permission denied");
		assertThatThrownBy(() -> TenantContext.runAs(globex,
				() -> transactions.executeWithoutResult((status) -> this.jdbc.update("delete from audit_event"))))
			.rootCause()
			.hasMessageContaining("permission denied");
		assertThatThrownBy(() -> TenantContext.runAs(globex,
				() -> transactions.executeWithoutResult((status) -> this.jdbc.execute("truncate audit_event"))))
			.rootCause()
			.hasMessageContaining("permission denied");
		assertThat(this.audit.verify(globex).intact()).isTrue();
	}

	@Test
	void a_tenant_cannot_read_another_tenants_audit_entries() {
		TenantContext.runAs(TenantId.of("acme"), () -> this.audit.record(AuditEntry.of("TEST_ACME_ONLY")));
		var seenByGlobex = TenantContext.callAs(TenantId.of("globex"),
				() -> new TransactionTemplate(this.transactionManager).execute((status) -> this.jdbc
					.queryForObject("select count(*) from audit_event where tenant_id = 'acme'", Long.class)));
		assertThat(seenByGlobex).isZero();
	}

	@Test
	void even_the_owner_cannot_delete_audit_rows_while_the_trigger_stands() {
		TenantId tenant = TenantId.of("public");
		TenantContext.runAs(tenant, () -> this.audit.record(AuditEntry.of("TEST_OWNER")));
		JdbcTemplate admin = TestDatabase.get().adminJdbc();
		assertThatThrownBy(() -> admin.update("delete from audit_event where tenant_id = 'public'"))
			.hasMessageContaining("append-only");
	}

	@Test
	void verification_finds_a_row_changed_after_it_was_written() {
		TenantId tenant = TenantId.of("tampered-changed");
		seedChain(tenant, 4);
		assertThat(this.audit.verify(tenant).intact()).isTrue();
		tamper("update audit_event set details = 'rewritten' where tenant_id = 'tampered-changed' and seq = 2");
		AuditVerification verification = this.audit.verify(tenant);
		assertThat(verification.intact()).isFalse();
		assertThat(verification.brokenAtSeq()).isEqualTo(2);
		assertThat(verification.problem()).isEqualTo("was changed after it was written");
	}

	@Test
	void verification_finds_a_deleted_row() {
		TenantId tenant = TenantId.of("tampered-deleted");
		seedChain(tenant, 4);
		tamper("delete from audit_event where tenant_id = 'tampered-deleted' and seq = 3");
		AuditVerification verification = this.audit.verify(tenant);
		assertThat(verification.intact()).isFalse();
		assertThat(verification.brokenAtSeq()).isEqualTo(3);
		assertThat(verification.problem()).isEqualTo("row 3 is missing (next row is 4)");
	}

	@Test
	void verification_finds_a_row_whose_hash_was_recomputed_to_hide_a_change() {
		TenantId tenant = TenantId.of("tampered-rehashed");
		seedChain(tenant, 3);
		// A forger who rewrites a row and its hash still breaks the link from the next
		// row.
		tamper("update audit_event set details = 'rewritten', hash = repeat('a', 64) "
				+ "where tenant_id = 'tampered-rehashed' and seq = 2");
		AuditVerification verification = this.audit.verify(tenant);
		assertThat(verification.intact()).isFalse();
		assertThat(verification.brokenAtSeq()).isEqualTo(2);
	}

	/** Audit partitions need no tenant row: the chain works for any partition id. */
	private void seedChain(TenantId tenant, int rows) {
		TenantContext.runAs(tenant, () -> {
			for (int i = 1; i <= rows; i++) {
				this.audit.record(AuditEntry.of("TEST_ROW").details("row " + i));
			}
		});
	}

	/**
	 * What only a database superuser can do: switch off the append-only trigger and
	 * change rows.
	 */
	private static void tamper(String sql) {
		JdbcTemplate admin = TestDatabase.get().adminJdbc();
		admin.execute((java.sql.Connection connection) -> {
			try (var statement = connection.createStatement()) {
				statement.execute("set session_replication_role = replica");
				statement.execute(sql);
				statement.execute("set session_replication_role = origin");
			}
			return null;
		});
	}

}

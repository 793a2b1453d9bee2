package org.consilium.tenant.internal;

import java.util.List;

import org.consilium.support.IntegrationTest;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.TenantId;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * With one pooled connection, every transaction reuses the same physical connection.
 * Alternating tenants across commits, rollbacks and exceptions must never leave a tenant
 * on it: each transaction sees exactly its own tenant, and between transactions the
 * connection has none.
 */
@IntegrationTest
@TestPropertySource(properties = "spring.datasource.hikari.maximum-pool-size=1")
class TenantCarryOverIT {

	static final List<TenantId> TENANTS = List.of(TenantId.of("public"), TenantId.of("acme"), TenantId.of("globex"));

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	com.zaxxer.hikari.HikariDataSource dataSource;

	@Test
	void alternating_tenants_on_one_connection_never_carry_a_tenant_over() {
		assertThat(this.dataSource.getMaximumPoolSize()).isEqualTo(1);
		TransactionTemplate transactions = new TransactionTemplate(this.transactionManager);
		String connectionId = this.jdbc.queryForObject("select pg_backend_pid()::text", String.class);
		for (int round = 0; round < 30; round++) {
			TenantId tenant = TENANTS.get(round % TENANTS.size());
			int path = round % 3;
			if (path == 0) {
				String seen = TenantContext.callAs(tenant, () -> transactions.execute((status) -> guc()));
				assertThat(seen).as("committed transaction %d", round).isEqualTo(tenant.value());
			}
			else if (path == 1) {
				String seen = TenantContext.callAs(tenant, () -> transactions.execute((status) -> {
					status.setRollbackOnly();
					return guc();
				}));
				assertThat(seen).as("rolled back transaction %d", round).isEqualTo(tenant.value());
			}
			else {
				assertThatThrownBy(
						() -> TenantContext.runAs(tenant, () -> transactions.executeWithoutResult((status) -> {
							assertThat(guc()).isEqualTo(tenant.value());
							this.jdbc.execute("select 1 / 0");
						})))
					.hasMessageContaining("division by zero");
			}
			assertThat(guc()).as("connection after transaction %d", round).isNullOrEmpty();
			assertThat(this.jdbc.queryForObject("select pg_backend_pid()::text", String.class))
				.as("the pool has one connection")
				.isEqualTo(connectionId);
		}
	}

	@Test
	void a_transaction_of_one_tenant_inside_another_tenants_context_does_not_switch_the_connection() {
		TransactionTemplate transactions = new TransactionTemplate(this.transactionManager);
		String seen = TenantContext.callAs(TenantId.of("public"), () -> transactions.execute(
				(status) -> TenantContext.callAs(TenantId.of("acme"), () -> transactions.execute((inner) -> guc()))));
		assertThat(seen).as("a joined transaction keeps its tenant").isEqualTo("public");
	}

	private String guc() {
		return this.jdbc.queryForObject("select current_setting('app.tenant_id', true)", String.class);
	}

}

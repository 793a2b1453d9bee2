package org.consilium.tenant.internal;

import java.util.function.Supplier;

import javax.sql.DataSource;

import org.consilium.tenant.TenantContext;
import org.consilium.tenant.TenantId;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The explicit path for platform-level writes (the tenant catalog): a plain JDBC
 * transaction in the operator's partition ({@link TenantId#PLATFORM}). Tenant data is
 * unreachable from here: row-level security sees only the platform partition.
 */
@Component
class CatalogTransactions {

	private final TransactionTemplate transactions;

	private final JdbcTemplate jdbc;

	CatalogTransactions(DataSource dataSource, JdbcTemplate jdbc) {
		this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		this.jdbc = jdbc;
	}

	<T> T inPlatformScope(Supplier<T> work) {
		return TenantContext.callAs(TenantId.PLATFORM, () -> this.transactions.execute((status) -> {
			this.jdbc.queryForObject("select set_config('app.tenant_id', ?, true)", String.class,
					TenantId.PLATFORM.value());
			// One catalog writer at a time across all nodes.
			this.jdbc.queryForObject("select pg_advisory_xact_lock(hashtext('consilium.tenant-catalog'))::text",
					String.class);
			return work.get();
		}));
	}

}

package org.consilium.records.internal;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.SecretKey;

import org.consilium.tenant.TenantContext;
import org.consilium.tenant.TenantId;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each tenant's data key: generated on first use, stored wrapped by the master key in
 * {@code record_data_key} (row-level security: a tenant reads only its own), kept
 * unwrapped in memory afterwards. Two nodes creating the first key at once agree on
 * whichever row was inserted first.
 */
class TenantDataKeys {

	private final MasterKey master;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final Map<TenantId, SecretKey> keys = new ConcurrentHashMap<>();

	TenantDataKeys(MasterKey master, JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Clock clock) {
		this.master = master;
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	/** The current tenant's key. */
	SecretKey current() {
		TenantId tenant = TenantContext.current();
		return this.keys.computeIfAbsent(tenant, this::load);
	}

	private SecretKey load(TenantId tenant) {
		String wrapped = this.transactions.execute((status) -> {
			this.jdbc.update(
					"insert into record_data_key (tenant_id, wrapped_key, created_at) values (?, ?, ?) "
							+ "on conflict (tenant_id) do nothing",
					tenant.value(), this.master.wrap(MasterKey.newDataKey(), tenant),
					java.sql.Timestamp.from(this.clock.instant()));
			return this.jdbc.queryForObject("select wrapped_key from record_data_key where tenant_id = ?", String.class,
					tenant.value());
		});
		return this.master.unwrap(wrapped, tenant);
	}

}

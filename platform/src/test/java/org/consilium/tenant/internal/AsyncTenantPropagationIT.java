package org.consilium.tenant.internal;

import java.util.concurrent.Future;

import org.consilium.support.IntegrationTest;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.TenantId;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Work handed to the application's task executor runs as the tenant that handed it over,
 * all the way to the database, and the worker thread keeps no tenant afterwards.
 */
@IntegrationTest
class AsyncTenantPropagationIT {

	@Autowired
	@Qualifier("applicationTaskExecutor")
	AsyncTaskExecutor executor;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void async_work_runs_as_the_tenant_that_scheduled_it() throws Exception {
		Future<String> seen = TenantContext.callAs(TenantId.of("globex"),
				() -> this.executor
					.submit(() -> new TransactionTemplate(this.transactionManager).execute((status) -> this.jdbc
						.queryForObject("select current_setting('app.tenant_id', true)", String.class))));
		assertThat(seen.get()).isEqualTo("globex");
		for (int i = 0; i < 4; i++) {
			assertThat(this.executor.submit(() -> TenantContext.find().isPresent()).get())
				.as("a worker thread without handed-over tenant")
				.isFalse();
		}
	}

}

package org.consilium.review.internal;

import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;

import org.consilium.cases.Assignment;
import org.consilium.tenant.Tenant;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.Tenants;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How much open work operator users have, across every programme: each programme's
 * partition is read in turn, in its own read-only transaction (decision 015), as the
 * server (a limited caller sees only their own assignments).
 */
@Component
class AssignmentLoad {

	private final Tenants tenants;

	private final JdbcTemplate jdbc;

	private final ServerSteps server;

	private final TransactionTemplate separateRead;

	AssignmentLoad(Tenants tenants, JdbcTemplate jdbc, ServerSteps server,
			PlatformTransactionManager transactionManager) {
		this.tenants = tenants;
		this.jdbc = jdbc;
		this.server = server;
		this.separateRead = new TransactionTemplate(transactionManager);
		this.separateRead.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.separateRead.setReadOnly(true);
	}

	/** Open assignments of the task, by operator account. */
	Map<String, Integer> byActor(Assignment.Task task) {
		return sum(
				"select actor_id, count(*) from case_assignment where task = ? and state in ('ASSIGNED', 'ACCEPTED') "
						+ "group by actor_id",
				task.name());
	}

	/** Open assignments of any task, by specialist. */
	Map<String, Integer> bySpecialist() {
		return sum("select specialist_id, count(*) from case_assignment where specialist_id is not null "
				+ "and state in ('ASSIGNED', 'ACCEPTED') group by specialist_id");
	}

	private Map<String, Integer> sum(String sql, Object... args) {
		Map<String, Integer> load = new HashMap<>();
		for (Tenant tenant : this.tenants.all()) {
			TenantContext.runAs(tenant.id(), () -> this.separateRead
				.executeWithoutResult((status) -> this.server.run(() -> this.jdbc.query(sql, (ResultSet row) -> {
					load.merge(row.getString(1), row.getInt(2), Integer::sum);
				}, args))));
		}
		return load;
	}

}

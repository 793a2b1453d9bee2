package org.consilium.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.consilium.tenant.TenantId;

/**
 * {@code EXPLAIN (ANALYZE, BUFFERS)} of the case-list query as each role runs it, to show
 * whether the index still serves the query when the row-level security policy is added to
 * it. Each statement runs twice and the second, warm, plan is kept.
 */
final class QueryPlans {

	/**
	 * What Hibernate sends for {@code findAllByOrderByCreatedAtDesc(Limit.of(n))}, as
	 * logged by {@code org.hibernate.SQL}: the tenant predicate comes from
	 * {@code @TenantId}.
	 */
	static final String HIBERNATE_SQL = """
			select mc1_0.id,mc1_0.created_at,mc1_0.patient_id,mc1_0.patient_name,mc1_0.question,mc1_0.reference,\
			mc1_0.specialty,mc1_0.status,mc1_0.tenant_id,mc1_0.updated_at,mc1_0.version \
			from medical_case mc1_0 where mc1_0.tenant_id = ? order by mc1_0.created_at desc fetch first ? rows only""";

	private static final String RLS_ONLY_SQL = """
			select id, created_at, patient_id, patient_name, question, reference, specialty, status, tenant_id,
			       updated_at, version
			from medical_case order by created_at desc limit ?""";

	record Plan(String title, String sql, String text) {
	}

	private final RoleRoutingDataSource dataSource;

	QueryPlans(RoleRoutingDataSource dataSource) {
		this.dataSource = dataSource;
	}

	List<Plan> capture(TenantId tenant, int limit) throws SQLException {
		List<Plan> plans = new ArrayList<>();
		plans.add(new Plan("(a) consilium_app under RLS, app.tenant_id set: the statement Hibernate sends",
				HIBERNATE_SQL, inTenantTransaction(RoleRoutingDataSource.Role.APP, tenant,
						(connection) -> explain(connection, HIBERNATE_SQL, tenant.value(), limit))));
		plans.add(new Plan(
				"(a) the same as a generic plan, as a cached plan would run it (PREPARE, plan_cache_mode = force_generic_plan)",
				HIBERNATE_SQL, inTenantTransaction(RoleRoutingDataSource.Role.APP, tenant,
						(connection) -> explainGeneric(connection, tenant.value(), limit))));
		plans.add(new Plan("consilium_app under RLS with no tenant predicate in the SQL: the policy alone",
				RLS_ONLY_SQL, inTenantTransaction(RoleRoutingDataSource.Role.APP, tenant,
						(connection) -> explain(connection, RLS_ONLY_SQL, null, limit))));
		plans.add(new Plan("(b) " + BenchDatabase.BYPASS_ROLE + ", row-level security bypassed: the same statement",
				HIBERNATE_SQL, inTenantTransaction(RoleRoutingDataSource.Role.BYPASS, tenant,
						(connection) -> explain(connection, HIBERNATE_SQL, tenant.value(), limit))));
		return plans;
	}

	private interface Work {

		String run(Connection connection) throws SQLException;

	}

	private String inTenantTransaction(RoleRoutingDataSource.Role role, TenantId tenant, Work work)
			throws SQLException {
		DataSource pool = this.dataSource.pool(role);
		try (Connection connection = pool.getConnection()) {
			connection.setAutoCommit(false);
			try {
				try (PreparedStatement set = connection
					.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
					set.setString(1, tenant.value());
					set.execute();
				}
				work.run(connection);
				return work.run(connection);
			}
			finally {
				connection.rollback();
				connection.setAutoCommit(true);
			}
		}
	}

	private static String explain(Connection connection, String sql, String tenant, int limit) throws SQLException {
		try (PreparedStatement explain = connection.prepareStatement("explain (analyze, buffers) " + sql)) {
			int parameter = 1;
			if (tenant != null) {
				explain.setString(parameter++, tenant);
			}
			explain.setInt(parameter, limit);
			return lines(explain.executeQuery());
		}
	}

	private static String explainGeneric(Connection connection, String tenant, int limit) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("set local plan_cache_mode = force_generic_plan");
			statement.execute("prepare bench_case_list(varchar, integer) as "
					+ HIBERNATE_SQL.replaceFirst("\\?", "\\$1").replaceFirst("\\?", "\\$2"));
			try {
				String execute;
				// EXECUTE takes no bind parameters: format() quotes the value
				// server-side.
				try (PreparedStatement format = connection.prepareStatement(
						"select format('explain (analyze, buffers) execute bench_case_list(%L, %s)', ?, ?)")) {
					format.setString(1, tenant);
					format.setInt(2, limit);
					try (ResultSet result = format.executeQuery()) {
						result.next();
						execute = result.getString(1);
					}
				}
				return lines(statement.executeQuery(execute));
			}
			finally {
				statement.execute("deallocate bench_case_list");
			}
		}
	}

	private static String lines(ResultSet result) throws SQLException {
		StringBuilder text = new StringBuilder();
		try (result) {
			while (result.next()) {
				text.append(result.getString(1)).append('\n');
			}
		}
		return text.toString();
	}

}

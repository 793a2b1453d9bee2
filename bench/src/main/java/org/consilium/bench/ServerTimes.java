package org.consilium.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.consilium.tenant.TenantId;

/**
 * What the database itself spends on the statement Hibernate sends, per role: planning
 * and execution time as PostgreSQL reports them ({@code EXPLAIN (ANALYZE, TIMING OFF)}),
 * free of the client, the network and the machine's other load. The pooled connections
 * plan this statement afresh on every execution (see the plan cache table), so planning
 * is part of every query's cost.
 */
final class ServerTimes {

	/** Microseconds per execution. */
	record Times(double[] planning, double[] execution) {

		double planningMedian() {
			return median(this.planning);
		}

		double executionMedian() {
			return median(this.execution);
		}

		double meanTotal() {
			return Arrays.stream(this.planning).average().orElse(0) + Arrays.stream(this.execution).average().orElse(0);
		}

		double totalPercentile(double p) {
			double[] total = new double[this.planning.length];
			for (int i = 0; i < total.length; i++) {
				total[i] = this.planning[i] + this.execution[i];
			}
			Arrays.sort(total);
			return Latencies.quantile(total, p / 100);
		}

		int count() {
			return this.planning.length;
		}

		private static double median(double[] values) {
			double[] sorted = values.clone();
			Arrays.sort(sorted);
			return Latencies.quantile(sorted, 0.5);
		}

	}

	private static final Pattern PLANNING = Pattern.compile("Planning Time: ([0-9.]+) ms");

	private static final Pattern EXECUTION = Pattern.compile("Execution Time: ([0-9.]+) ms");

	private final RunningPlatform platform;

	private final Random random;

	ServerTimes(RunningPlatform platform, Random random) {
		this.platform = platform;
		this.random = random;
	}

	/** Interleaved, a block of samples per pair of fresh connections. */
	Map<RoleRoutingDataSource.Role, Times> measure(List<TenantId> tenants, int limit, int blocks, int perBlock)
			throws SQLException {
		Map<RoleRoutingDataSource.Role, double[]> planning = new EnumMap<>(RoleRoutingDataSource.Role.class);
		Map<RoleRoutingDataSource.Role, double[]> execution = new EnumMap<>(RoleRoutingDataSource.Role.class);
		for (RoleRoutingDataSource.Role role : RoleRoutingDataSource.Role.values()) {
			planning.put(role, new double[blocks * perBlock]);
			execution.put(role, new double[blocks * perBlock]);
		}
		List<RoleRoutingDataSource.Role> order = new ArrayList<>(List.of(RoleRoutingDataSource.Role.values()));
		for (int block = 0; block < blocks; block++) {
			this.platform.freshConnections();
			Map<RoleRoutingDataSource.Role, Connection> connections = new EnumMap<>(RoleRoutingDataSource.Role.class);
			try {
				for (RoleRoutingDataSource.Role role : order) {
					Connection connection = this.platform.dataSource().pool(role).getConnection();
					connections.put(role, connection);
					connection.setAutoCommit(false);
				}
				for (int i = -10; i < perBlock; i++) { // the first ten warm the new
														// process
					TenantId tenant = tenants.get(this.random.nextInt(tenants.size()));
					Collections.shuffle(order, this.random);
					for (RoleRoutingDataSource.Role role : order) {
						double[] times = explain(connections.get(role), tenant, limit);
						if (i >= 0) {
							planning.get(role)[block * perBlock + i] = times[0];
							execution.get(role)[block * perBlock + i] = times[1];
						}
					}
				}
			}
			finally {
				for (Connection connection : connections.values()) {
					connection.rollback();
					connection.setAutoCommit(true);
					connection.close();
				}
			}
		}
		Map<RoleRoutingDataSource.Role, Times> result = new EnumMap<>(RoleRoutingDataSource.Role.class);
		for (RoleRoutingDataSource.Role role : RoleRoutingDataSource.Role.values()) {
			result.put(role, new Times(planning.get(role), execution.get(role)));
		}
		return result;
	}

	/** Planning and execution time in microseconds, in a tenant transaction. */
	private static double[] explain(Connection connection, TenantId tenant, int limit) throws SQLException {
		try (PreparedStatement set = connection.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
			set.setString(1, tenant.value());
			set.execute();
		}
		StringBuilder text = new StringBuilder();
		try (PreparedStatement explain = connection
			.prepareStatement("explain (analyze, timing off, summary on) " + QueryPlans.HIBERNATE_SQL)) {
			explain.setString(1, tenant.value());
			explain.setInt(2, limit);
			try (ResultSet result = explain.executeQuery()) {
				while (result.next()) {
					text.append(result.getString(1)).append('\n');
				}
			}
		}
		connection.commit();
		return new double[] { 1000 * number(PLANNING, text), 1000 * number(EXECUTION, text) };
	}

	private static double number(Pattern pattern, CharSequence text) {
		Matcher matcher = pattern.matcher(text);
		if (!matcher.find()) {
			throw new IllegalStateException("No " + pattern + " in " + text);
		}
		return Double.parseDouble(matcher.group(1));
	}

}

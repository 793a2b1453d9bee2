package org.consilium.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

/**
 * How often the pooled connections' server-side prepared statements of the case list ran
 * with a generic plan rather than a freshly planned one: a custom plan is planned on
 * every execution, so a difference here would show in the latencies without being the
 * policy's doing.
 */
final class PlanCacheUse {

	private PlanCacheUse() {
	}

	/**
	 * Statement (abbreviated) to generic and custom plan counts, over every connection.
	 */
	static Map<String, long[]> of(DataSource pool, int connections) throws SQLException {
		Map<String, long[]> counts = new TreeMap<>();
		List<Connection> borrowed = new ArrayList<>();
		try {
			// Holding them all at once visits every connection of the pool.
			for (int i = 0; i < connections; i++) {
				borrowed.add(pool.getConnection());
			}
			for (Connection connection : borrowed) {
				try (PreparedStatement query = connection.prepareStatement("""
						select statement, generic_plans, custom_plans from pg_prepared_statements
						where statement like '%medical_case%'"""); ResultSet result = query.executeQuery()) {
					while (result.next()) {
						long[] count = counts.computeIfAbsent(abbreviate(result.getString(1)), (key) -> new long[2]);
						count[0] += result.getLong(2);
						count[1] += result.getLong(3);
					}
				}
			}
		}
		finally {
			for (Connection connection : borrowed) {
				connection.close();
			}
		}
		return counts;
	}

	private static String abbreviate(String sql) {
		String text = sql.replaceAll("\\s+", " ").trim();
		int from = text.indexOf(" from ");
		return (from > 0) ? "select ..." + text.substring(from) : text;
	}

}

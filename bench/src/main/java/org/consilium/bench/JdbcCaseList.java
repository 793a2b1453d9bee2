package org.consilium.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.consilium.tenant.TenantId;

/**
 * The query in plain JDBC, tenant named in the SQL, reading every column of every row, in
 * one of three shapes that add the platform's round trips one at a time: so the two roles
 * can be compared without Hibernate's own cost and noise, and the cost of the boundary's
 * extra statement shows on its own.
 */
final class JdbcCaseList implements Variant {

	static final String CASES = """
			select id, tenant_id, created_at, patient_id, patient_name, question, reference, specialty, status,
			       updated_at, version
			from medical_case where tenant_id = ? order by created_at desc limit ?""";

	/**
	 * A control with no policy involved: as much work on the tenant catalog, which has no
	 * row-level security, so any difference between the roles here is the pools' or the
	 * server processes', not the policy's.
	 */
	static final String CONTROL = """
			select tenant_id, display_name, status, current_version, created_at, updated_at
			from tenant where tenant_id <> ? order by tenant_id limit ?""";

	enum Shape {

		/** One auto-committed statement: one round trip, the floor. */
		STATEMENT,
		/** Begin, the statement, commit: what any transactional read costs. */
		TRANSACTION,
		/**
		 * Begin with {@code set_config('app.tenant_id', ?, true)}, the statement, commit:
		 * the platform's transactions.
		 */
		TENANT_TRANSACTION

	}

	private final String key;

	private final String description;

	private final DataSource pool;

	private final Shape shape;

	private final String sql;

	JdbcCaseList(String key, String description, DataSource pool, Shape shape, String sql) {
		this.key = key;
		this.description = description;
		this.pool = pool;
		this.shape = shape;
		this.sql = sql;
	}

	@Override
	public String key() {
		return this.key;
	}

	@Override
	public String description() {
		return this.description;
	}

	@Override
	public int newestCases(TenantId tenant, int limit) {
		try (Connection connection = this.pool.getConnection()) {
			if (this.shape == Shape.STATEMENT) {
				return select(connection, tenant, limit);
			}
			// As in Hibernate's transactions, the driver sends BEGIN with the first
			// statement: no round trip of its own.
			connection.setAutoCommit(false);
			try {
				if (this.shape == Shape.TENANT_TRANSACTION) {
					try (PreparedStatement set = connection
						.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
						set.setString(1, tenant.value());
						set.execute();
					}
				}
				int rows = select(connection, tenant, limit);
				connection.commit();
				return rows;
			}
			catch (SQLException | RuntimeException ex) {
				connection.rollback();
				throw ex;
			}
			finally {
				connection.setAutoCommit(true);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private int select(Connection connection, TenantId tenant, int limit) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement(this.sql)) {
			query.setString(1, tenant.value());
			query.setInt(2, limit);
			try (ResultSet result = query.executeQuery()) {
				int rows = 0;
				int columns = result.getMetaData().getColumnCount();
				while (result.next()) {
					for (int column = 1; column <= columns; column++) {
						result.getObject(column);
					}
					rows++;
				}
				return rows;
			}
		}
	}

}

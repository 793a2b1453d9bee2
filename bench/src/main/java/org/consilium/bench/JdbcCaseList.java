package org.consilium.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.consilium.tenant.TenantId;

/**
 * The same query in plain JDBC, tenant named in the SQL, reading every column of every
 * row. Either one auto-committed statement (the floor: one round trip), or shaped like
 * the platform's transactions (set the tenant, query, commit) so that the two roles can
 * be compared without Hibernate's own cost and noise.
 */
final class JdbcCaseList implements Variant {

	static final String SQL = """
			select id, tenant_id, created_at, patient_id, patient_name, question, reference, specialty, status,
			       updated_at, version
			from medical_case where tenant_id = ? order by created_at desc limit ?""";

	private final String key;

	private final String description;

	private final DataSource pool;

	private final boolean inTenantTransaction;

	JdbcCaseList(String key, String description, DataSource pool, boolean inTenantTransaction) {
		this.key = key;
		this.description = description;
		this.pool = pool;
		this.inTenantTransaction = inTenantTransaction;
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
			if (!this.inTenantTransaction) {
				return select(connection, tenant, limit);
			}
			connection.setAutoCommit(false);
			try {
				try (PreparedStatement set = connection
					.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
					set.setString(1, tenant.value());
					set.execute();
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

	private static int select(Connection connection, TenantId tenant, int limit) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement(SQL)) {
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

package org.consilium.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the owner role, the application role and the database when they are missing,
 * using an administrative connection. Idempotent; skipped (with a log line) when the
 * admin connection is refused, as on a managed database where an operator runs
 * {@code docs/database-bootstrap.sql}.
 */
public final class DatabaseBootstrap {

	private static final Logger log = LoggerFactory.getLogger(DatabaseBootstrap.class);

	private final DatabaseProperties properties;

	public DatabaseBootstrap(DatabaseProperties properties) {
		this.properties = properties;
	}

	public void run() {
		try (Connection admin = DriverManager.getConnection(this.properties.adminUrl(), this.properties.adminUser(),
				this.properties.adminPassword())) {
			ensureRole(admin, this.properties.ownerUser(), this.properties.ownerPassword(), "");
			// The application role must never own tables nor bypass row-level security.
			ensureRole(admin, this.properties.appUser(), this.properties.appPassword(),
					" NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE");
			ensureDatabase(admin, this.properties.name(), this.properties.ownerUser());
		}
		catch (SQLException ex) {
			log.warn(
					"Could not bootstrap database '{}' via {} as '{}' ({}); assuming it was prepared by an operator "
							+ "(see docs/database-bootstrap.sql)",
					this.properties.name(), this.properties.adminUrl(), this.properties.adminUser(), ex.getMessage());
		}
	}

	/** Creates a throwaway database owned by the owner role, for tests and benchmarks. */
	public void createDatabase(String name) {
		try (Connection admin = DriverManager.getConnection(this.properties.adminUrl(), this.properties.adminUser(),
				this.properties.adminPassword())) {
			ensureRole(admin, this.properties.ownerUser(), this.properties.ownerPassword(), "");
			ensureRole(admin, this.properties.appUser(), this.properties.appPassword(),
					" NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE");
			ensureDatabase(admin, name, this.properties.ownerUser());
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot create database " + name + ": " + ex.getMessage(), ex);
		}
	}

	private static void ensureRole(Connection admin, String role, String password, String attributes)
			throws SQLException {
		if (exists(admin, "select 1 from pg_roles where rolname = ?", role)) {
			return;
		}
		// DDL takes no bind parameters; format() quotes the identifier and literal
		// server-side.
		execute(admin, "select format('CREATE ROLE %I LOGIN PASSWORD %L" + attributes + "', ?, ?)", role, password);
		log.info("Created database role '{}'", role);
	}

	private static void ensureDatabase(Connection admin, String name, String owner) throws SQLException {
		if (exists(admin, "select 1 from pg_database where datname = ?", name)) {
			return;
		}
		execute(admin, "select format('CREATE DATABASE %I OWNER %I', ?, ?)", name, owner);
		log.info("Created database '{}' owned by '{}'", name, owner);
	}

	private static boolean exists(Connection connection, String sql, String value) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement(sql)) {
			query.setString(1, value);
			try (ResultSet result = query.executeQuery()) {
				return result.next();
			}
		}
	}

	private static void execute(Connection connection, String formatSql, String... values) throws SQLException {
		String ddl;
		try (PreparedStatement format = connection.prepareStatement(formatSql)) {
			for (int i = 0; i < values.length; i++) {
				format.setString(i + 1, values[i]);
			}
			try (ResultSet result = format.executeQuery()) {
				result.next();
				ddl = result.getString(1);
			}
		}
		try (Statement statement = connection.createStatement()) {
			statement.execute(ddl);
		}
	}

}

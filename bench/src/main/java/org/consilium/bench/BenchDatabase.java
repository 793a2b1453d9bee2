package org.consilium.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.consilium.system.DatabaseBootstrap;
import org.consilium.system.DatabaseProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run's own throwaway database, created with the platform's bootstrap (owner role,
 * application role) and dropped on close, plus the one role the platform would refuse to
 * run as: {@value #BYPASS_ROLE}, which bypasses row-level security and so isolates what
 * the policies cost.
 */
final class BenchDatabase implements AutoCloseable {

	static final String BYPASS_ROLE = "consilium_bench_bypass";

	private static final String PREFIX = "consilium_bench_";

	private static final Logger log = LoggerFactory.getLogger(BenchDatabase.class);

	private final DatabaseProperties properties;

	private BenchDatabase(BenchSettings settings, String name) {
		// The platform's own role names and passwords, as the application defaults them.
		this.properties = new DatabaseProperties(false, settings.adminUrl(), settings.adminUser(),
				settings.adminPassword(), name, "consilium_owner", "consilium_owner", "consilium_app", "consilium_app");
	}

	static BenchDatabase create(BenchSettings settings) {
		BenchDatabase database = new BenchDatabase(settings, PREFIX + System.currentTimeMillis());
		database.dropAbandoned();
		new DatabaseBootstrap(database.properties).createDatabase(database.name());
		database.ensureBypassRole();
		log.info("Created database {}", database.name());
		return database;
	}

	String name() {
		return this.properties.name();
	}

	/** JDBC URL of the run's database, on the server the admin URL points at. */
	String url() {
		String admin = this.properties.adminUrl();
		int path = admin.indexOf('/', "jdbc:postgresql://".length());
		int query = admin.indexOf('?', path);
		return admin.substring(0, path + 1) + name() + ((query < 0) ? "" : admin.substring(query));
	}

	String appRole() {
		return this.properties.appUser();
	}

	/**
	 * A superuser connection to the run's database: seeds and explains past every policy.
	 */
	Connection superuser() throws SQLException {
		return DriverManager.getConnection(url(), this.properties.adminUser(), this.properties.adminPassword());
	}

	/**
	 * Gives the bypass role exactly the application role's privileges on the migrated
	 * schema, copied from the catalog so it keeps up with new migrations.
	 */
	void grantBypassRoleTheAppRolesPrivileges() throws SQLException {
		try (Connection admin = superuser()) {
			List<String> grants = new ArrayList<>();
			try (PreparedStatement query = admin.prepareStatement("""
					select format('GRANT %s ON %s %I TO %I', string_agg(distinct a.privilege_type, ', '),
					              case when c.relkind = 'S' then 'SEQUENCE' else 'TABLE' end, c.relname, ?)
					from pg_class c cross join lateral aclexplode(c.relacl) a
					where c.relnamespace = 'public'::regnamespace and a.grantee = ?::regrole
					group by c.relname, c.relkind
					""")) {
				query.setString(1, BYPASS_ROLE);
				query.setString(2, appRole());
				try (ResultSet result = query.executeQuery()) {
					while (result.next()) {
						grants.add(result.getString(1));
					}
				}
			}
			grants.add(format(admin, "select format('GRANT USAGE ON SCHEMA public TO %I', ?)", BYPASS_ROLE));
			try (Statement statement = admin.createStatement()) {
				for (String grant : grants) {
					statement.execute(grant);
				}
			}
			log.info("Granted {}: {}", BYPASS_ROLE, grants);
		}
	}

	private void ensureBypassRole() {
		try (Connection admin = admin()) {
			// Roles are cluster-wide: an earlier run may have left it; make sure it still
			// bypasses row-level security and can do nothing else.
			boolean exists;
			try (PreparedStatement query = admin.prepareStatement("select 1 from pg_roles where rolname = ?")) {
				query.setString(1, BYPASS_ROLE);
				try (ResultSet result = query.executeQuery()) {
					exists = result.next();
				}
			}
			String ddl = format(admin,
					"select format('" + (exists ? "ALTER" : "CREATE")
							+ " ROLE %I LOGIN PASSWORD %L BYPASSRLS NOSUPERUSER NOCREATEDB NOCREATEROLE', ?, ?)",
					BYPASS_ROLE, BYPASS_ROLE);
			try (Statement statement = admin.createStatement()) {
				statement.execute(ddl);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot create role " + BYPASS_ROLE + ": " + ex.getMessage(), ex);
		}
	}

	/** Databases of earlier runs that were killed before they could drop their own. */
	private void dropAbandoned() {
		try (Connection admin = admin(); Statement statement = admin.createStatement()) {
			List<String> abandoned = new ArrayList<>();
			try (PreparedStatement query = admin.prepareStatement("""
					select format('DROP DATABASE IF EXISTS %I', datname) from pg_database d
					where datname like ? and not exists (select 1 from pg_stat_activity a where a.datname = d.datname)
					""")) {
				query.setString(1, PREFIX + "%");
				try (ResultSet result = query.executeQuery()) {
					while (result.next()) {
						abandoned.add(result.getString(1));
					}
				}
			}
			for (String drop : abandoned) {
				log.info("Dropping a leftover of an earlier run: {}", drop);
				statement.execute(drop);
			}
		}
		catch (SQLException ex) {
			log.warn("Could not drop leftovers of earlier runs: {}", ex.getMessage());
		}
	}

	@Override
	public void close() {
		try (Connection admin = admin(); Statement statement = admin.createStatement()) {
			statement.execute(format(admin, "select format('DROP DATABASE IF EXISTS %I WITH (FORCE)', ?)", name()));
			log.info("Dropped database {}", name());
			try {
				statement.execute(format(admin, "select format('DROP ROLE IF EXISTS %I', ?)", BYPASS_ROLE));
			}
			catch (SQLException ex) {
				// Another run's database still grants it something; that run drops it.
				log.info("Kept role {}: {}", BYPASS_ROLE, ex.getMessage());
			}
		}
		catch (SQLException ex) {
			log.warn("Could not drop database {} ({}); the next run drops it", name(), ex.getMessage());
		}
	}

	private Connection admin() throws SQLException {
		return DriverManager.getConnection(this.properties.adminUrl(), this.properties.adminUser(),
				this.properties.adminPassword());
	}

	/**
	 * DDL takes no bind parameters: format() quotes identifiers and literals server-side.
	 */
	private static String format(Connection connection, String formatSql, String... values) throws SQLException {
		try (PreparedStatement format = connection.prepareStatement(formatSql)) {
			for (int i = 0; i < values.length; i++) {
				format.setString(i + 1, values[i]);
			}
			try (ResultSet result = format.executeQuery()) {
				result.next();
				return result.getString(1);
			}
		}
	}

}

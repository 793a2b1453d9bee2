package org.consilium.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.consilium.system.DatabaseBootstrap;
import org.consilium.system.DatabaseProperties;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * One throwaway PostgreSQL database per test run: on the local server when it answers on
 * localhost:5432 (this machine kind), else in a Testcontainers PostgreSQL when Docker is
 * available. Never H2. Databases of earlier runs that nobody uses any more are dropped
 * first.
 */
public final class TestDatabase {

	private static final String PREFIX = "consilium_it_";

	private static volatile TestDatabase instance;

	private final String host;

	private final int port;

	private final String name;

	private final String adminUser;

	private final String adminPassword;

	private TestDatabase(String host, int port, String adminUser, String adminPassword) {
		this.host = host;
		this.port = port;
		this.adminUser = adminUser;
		this.adminPassword = adminPassword;
		this.name = PREFIX + System.currentTimeMillis() + "_" + UUID.randomUUID().toString().substring(0, 8);
	}

	public static TestDatabase get() {
		if (instance == null) {
			synchronized (TestDatabase.class) {
				if (instance == null) {
					instance = start();
				}
			}
		}
		return instance;
	}

	private static TestDatabase start() {
		String host = System.getenv().getOrDefault("CONSILIUM_TEST_DB_HOST", "localhost");
		int port = Integer.parseInt(System.getenv().getOrDefault("CONSILIUM_TEST_DB_PORT", "5432"));
		String user = System.getenv().getOrDefault("CONSILIUM_TEST_DB_ADMIN_USER", "postgres");
		String password = System.getenv().getOrDefault("CONSILIUM_TEST_DB_ADMIN_PASSWORD", "");
		TestDatabase database;
		if (reachable(host, port, user, password)) {
			database = new TestDatabase(host, port, user, password);
		}
		else if (dockerAvailable()) {
			PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:15-alpine");
			container.start();
			database = new TestDatabase(container.getHost(), container.getMappedPort(5432), container.getUsername(),
					container.getPassword());
		}
		else {
			throw new IllegalStateException("Integration tests need PostgreSQL: none answers on " + host + ":" + port
					+ " (set CONSILIUM_TEST_DB_HOST/PORT/ADMIN_USER/ADMIN_PASSWORD) and Docker is not available");
		}
		database.dropAbandoned();
		new DatabaseBootstrap(database.properties()).createDatabase(database.name);
		Runtime.getRuntime().addShutdownHook(new Thread(database::drop, "drop-test-database"));
		return database;
	}

	public DatabaseProperties properties() {
		return new DatabaseProperties(false, adminUrl(), this.adminUser, this.adminPassword, this.name,
				"consilium_owner", "consilium_owner", "consilium_app", "consilium_app");
	}

	public String url() {
		return "jdbc:postgresql://" + this.host + ":" + this.port + "/" + this.name;
	}

	public String name() {
		return this.name;
	}

	/**
	 * A connection as the server's administrator (superuser): bypasses RLS, for tampering
	 * tests.
	 */
	public Connection adminConnection() throws SQLException {
		return DriverManager.getConnection(url(), this.adminUser, this.adminPassword);
	}

	/**
	 * JDBC as the server's administrator (superuser, bypasses RLS), a connection per
	 * call.
	 */
	public org.springframework.jdbc.core.JdbcTemplate adminJdbc() {
		return new org.springframework.jdbc.core.JdbcTemplate(
				new org.springframework.jdbc.datasource.DriverManagerDataSource(url(), this.adminUser,
						this.adminPassword));
	}

	/** A connection as the application role, outside Spring. */
	public Connection appConnection() throws SQLException {
		return DriverManager.getConnection(url(), "consilium_app", "consilium_app");
	}

	private String adminUrl() {
		return "jdbc:postgresql://" + this.host + ":" + this.port + "/postgres";
	}

	private static boolean createdBefore(String database, long millis) {
		String[] parts = database.substring(PREFIX.length()).split("_");
		try {
			return Long.parseLong(parts[0]) < millis;
		}
		catch (NumberFormatException ex) {
			return false;
		}
	}

	private void dropAbandoned() {
		try (Connection admin = DriverManager.getConnection(adminUrl(), this.adminUser, this.adminPassword);
				Statement statement = admin.createStatement()) {
			List<String> abandoned = new ArrayList<>();
			try (var result = statement.executeQuery("select datname from pg_database d where datname like '" + PREFIX
					+ "%' and not exists (select 1 from pg_stat_activity a where a.datname = d.datname)")) {
				while (result.next()) {
					abandoned.add(result.getString(1));
				}
			}
			for (String database : abandoned) {
				// Another run on this machine may have just created its database and not
				// connected yet: only databases older than an hour are abandoned.
				if (createdBefore(database, System.currentTimeMillis() - 3_600_000L)) {
					statement.execute("drop database if exists \"" + database + "\"");
				}
			}
		}
		catch (SQLException ex) {
			// Best effort: leftovers only cost disk space.
		}
	}

	private void drop() {
		try (Connection admin = DriverManager.getConnection(adminUrl(), this.adminUser, this.adminPassword);
				Statement statement = admin.createStatement()) {
			statement.execute("drop database if exists \"" + this.name + "\" with (force)");
		}
		catch (SQLException ex) {
			// Best effort; dropAbandoned() removes it next run.
		}
	}

	private static boolean reachable(String host, int port, String user, String password) {
		try (Connection connection = DriverManager
			.getConnection("jdbc:postgresql://" + host + ":" + port + "/postgres?connectTimeout=3", user, password)) {
			return connection.isValid(3);
		}
		catch (SQLException ex) {
			return false;
		}
	}

	private static boolean dockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

}

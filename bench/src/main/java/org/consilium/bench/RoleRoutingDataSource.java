package org.consilium.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.AbstractDataSource;

/**
 * Stands in for the platform's connection pool and hands out, per thread, either its
 * connections (the application role) or those of a twin pool connected as the role that
 * bypasses row-level security. Hibernate, the transaction manager and its
 * {@code set_config} stay exactly the platform's, so the two full-stack variants differ
 * in the database role only. The platform would refuse to start as the bypass role
 * (ApplicationRoleCheck), so the twin joins after start-up.
 */
final class RoleRoutingDataSource extends AbstractDataSource implements AutoCloseable {

	enum Role {

		/** consilium_app: no BYPASSRLS, every policy applies. */
		APP,
		/** {@value BenchDatabase#BYPASS_ROLE}: same privileges, policies skipped. */
		BYPASS

	}

	private static final ThreadLocal<Role> CURRENT = ThreadLocal.withInitial(() -> Role.APP);

	private final DataSource app;

	private volatile DataSource bypass;

	RoleRoutingDataSource(DataSource app) {
		this.app = app;
	}

	static <T> T callAs(Role role, Supplier<T> work) {
		Role previous = CURRENT.get();
		CURRENT.set(role);
		try {
			return work.get();
		}
		finally {
			CURRENT.set(previous);
		}
	}

	void bypassWith(DataSource pool) {
		this.bypass = pool;
	}

	DataSource pool(Role role) {
		DataSource pool = (role == Role.APP) ? this.app : this.bypass;
		if (pool == null) {
			throw new IllegalStateException("No pool for " + role + " yet");
		}
		return pool;
	}

	@Override
	public Connection getConnection() throws SQLException {
		return pool(CURRENT.get()).getConnection();
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return pool(CURRENT.get()).getConnection(username, password);
	}

	/**
	 * Reaches the platform's pool, as Spring Boot does to attach its pool metrics: the
	 * twin copies that configuration, so both pools do the same work per connection.
	 */
	@Override
	@SuppressWarnings("unchecked")
	public <T> T unwrap(Class<T> type) throws SQLException {
		return type.isInstance(this) ? (T) this : this.app.unwrap(type);
	}

	@Override
	public boolean isWrapperFor(Class<?> type) throws SQLException {
		return type.isInstance(this) || this.app.isWrapperFor(type);
	}

	/**
	 * Closes the platform's pool, as the context would have without this wrapper; the
	 * twin belongs to the bench.
	 */
	@Override
	public void close() throws Exception {
		if (this.app instanceof AutoCloseable closeable) {
			closeable.close();
		}
	}

	/** Wraps the platform's {@code dataSource} bean as soon as it is built. */
	static BeanPostProcessor wrapping() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				return ("dataSource".equals(name) && bean instanceof DataSource app) ? new RoleRoutingDataSource(app)
						: bean;
			}
		};
	}

}

package org.consilium.bench;

import java.util.Map;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.lookup.AbstractRoutingDataSource;

/**
 * Stands in for the platform's connection pool and hands out, per thread, either its
 * connections (the application role) or the bench's pool connected as the role that
 * bypasses row-level security. Hibernate, the transaction manager and its
 * {@code set_config} stay exactly the platform's, so the two full-stack variants differ
 * in the database role only. The platform would refuse to start as the bypass role
 * (ApplicationRoleCheck), so the switch happens after start-up, per call.
 */
final class RoleRoutingDataSource extends AbstractRoutingDataSource implements AutoCloseable {

	enum Role {

		/** consilium_app: no BYPASSRLS, every policy applies. */
		APP,
		/** {@value BenchDatabase#BYPASS_ROLE}: same privileges, policies skipped. */
		BYPASS

	}

	private static final ThreadLocal<Role> CURRENT = ThreadLocal.withInitial(() -> Role.APP);

	private final DataSource app;

	private final DataSource bypass;

	RoleRoutingDataSource(DataSource app, DataSource bypass) {
		this.app = app;
		this.bypass = bypass;
		setTargetDataSources(Map.of(Role.APP, app, Role.BYPASS, bypass));
		setDefaultTargetDataSource(app);
		setLenientFallback(false);
		afterPropertiesSet();
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

	DataSource pool(Role role) {
		return (role == Role.APP) ? this.app : this.bypass;
	}

	@Override
	protected Object determineCurrentLookupKey() {
		return CURRENT.get();
	}

	/**
	 * Closes the platform's pool, as the context would have without this wrapper; the
	 * bypass pool belongs to the bench.
	 */
	@Override
	public void close() throws Exception {
		if (this.app instanceof AutoCloseable closeable) {
			closeable.close();
		}
	}

	/** Wraps the platform's {@code dataSource} bean as soon as it is built. */
	static BeanPostProcessor wrapping(DataSource bypass) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				return ("dataSource".equals(name) && bean instanceof DataSource app)
						? new RoleRoutingDataSource(app, bypass) : bean;
			}
		};
	}

}

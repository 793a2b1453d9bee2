package org.consilium.bench;

import java.util.List;
import java.util.concurrent.locks.LockSupport;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.consilium.ConsiliumApplication;

import org.springframework.boot.ApplicationContextFactory;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.AnnotationConfigServletWebApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.web.MockServletContext;

/**
 * The whole platform in this JVM on the run's database: starting it runs the Liquibase
 * migrations as the owner role and connects as the application role, exactly as in
 * production. A servlet application without a server, as {@code @SpringBootTest} runs it:
 * nothing here is an HTTP request, and {@code web-application-type=none} cannot start it
 * (Spring Security's request matchers need Spring MVC).
 */
final class RunningPlatform implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private final HikariDataSource bypass;

	private final CpuPinning pinning;

	private RunningPlatform(ConfigurableApplicationContext context, HikariDataSource bypass, CpuPinning pinning) {
		this.context = context;
		this.bypass = bypass;
		this.pinning = pinning;
	}

	static RunningPlatform start(BenchDatabase database, int poolSize, CpuPinning pinning) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(ConsiliumApplication.class)
			.web(WebApplicationType.SERVLET)
			.contextFactory(ApplicationContextFactory.of(() -> {
				AnnotationConfigServletWebApplicationContext serverless = new AnnotationConfigServletWebApplicationContext();
				serverless.setServletContext(new MockServletContext());
				return serverless;
			}))
			.bannerMode(Banner.Mode.OFF)
			.initializers((app) -> app.getBeanFactory().addBeanPostProcessor(RoleRoutingDataSource.wrapping()))
			// Command-line arguments outrank application.yaml; default properties would
			// not.
			.run("--spring.datasource.url=" + database.url(),
					// Liquibase would otherwise read the URL off the (wrapped) pool by
					// reflection.
					"--spring.liquibase.url=" + database.url(), "--consilium.db.bootstrap=false",
					"--consilium.db.name=" + database.name(),
					"--spring.datasource.hikari.maximum-pool-size=" + poolSize,
					// No background catalog work while measuring.
					"--consilium.tenancy.refresh-interval=0s", "--consilium.tenancy.watch-interval=0s",
					"--logging.level.root=warn", "--logging.level.org.consilium.bench=info");
		RoleRoutingDataSource routing = (RoleRoutingDataSource) context.getBean("dataSource", DataSource.class);
		// The platform's pool as configured (size, timeouts, driver, the metrics Spring
		// Boot attached), with only the role changed.
		HikariConfig twin = new HikariConfig();
		((HikariDataSource) routing.pool(RoleRoutingDataSource.Role.APP)).copyStateTo(twin);
		twin.setPoolName("bench-bypass");
		twin.setUsername(BenchDatabase.BYPASS_ROLE);
		twin.setPassword(BenchDatabase.BYPASS_ROLE);
		HikariDataSource bypass = new HikariDataSource(twin);
		routing.bypassWith(bypass);
		return new RunningPlatform(context, bypass, pinning);
	}

	<T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	/** The routing data source the platform now uses. */
	RoleRoutingDataSource dataSource() {
		return (RoleRoutingDataSource) this.context.getBean("dataSource", DataSource.class);
	}

	/**
	 * Retires every pooled connection of both pools and waits for the new ones (new
	 * server processes), pinned to the benchmark's CPU when pinning is on.
	 */
	void freshConnections() {
		List<HikariDataSource> pools = List.of((HikariDataSource) dataSource().pool(RoleRoutingDataSource.Role.APP),
				this.bypass);
		pools.forEach((pool) -> pool.getHikariPoolMXBean().softEvictConnections());
		// Opening connections forks server processes: let that finish before anything is
		// timed.
		long deadline = System.nanoTime() + 10_000_000_000L;
		while (pools.stream()
			.anyMatch((pool) -> pool.getHikariPoolMXBean().getIdleConnections() < pool.getMinimumIdle())
				&& System.nanoTime() < deadline) {
			LockSupport.parkNanos(5_000_000L);
		}
		pools.forEach((pool) -> this.pinning.pinServerProcesses(pool, pool.getMinimumIdle()));
	}

	/** How the two pools are set up, for the report. */
	String pools() {
		HikariDataSource app = (HikariDataSource) dataSource().pool(RoleRoutingDataSource.Role.APP);
		return describe(app) + "; " + describe(this.bypass);
	}

	private static String describe(HikariDataSource pool) {
		return pool.getPoolName() + " as " + pool.getUsername() + ": up to " + pool.getMaximumPoolSize()
				+ " connections, metrics " + ((pool.getMetricsTrackerFactory() != null)
						? pool.getMetricsTrackerFactory().getClass().getSimpleName() : "none");
	}

	@Override
	public void close() {
		this.context.close();
		this.bypass.close();
	}

}

package org.consilium.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.consilium.tenant.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the tenant boundary costs on the case list (a tenant's newest cases): creates a
 * throwaway database, starts the platform on it (migrations), seeds it, measures the
 * variants interleaved, explains the query under each role, reports, and drops the
 * database. See docs/benchmarks.md.
 */
final class TenantBoundaryBenchmark {

	private static final Logger log = LoggerFactory.getLogger(TenantBoundaryBenchmark.class);

	private TenantBoundaryBenchmark() {
	}

	public static void main(String[] args) {
		int status = 0;
		try {
			run(BenchSettings.fromSystemProperties());
		}
		catch (Throwable ex) {
			log.error("Benchmark failed", ex);
			status = 1;
		}
		// Framework threads must not keep the JVM (and Maven) waiting once the database
		// is gone.
		System.exit(status);
	}

	private static void run(BenchSettings settings) throws Exception {
		long began = System.nanoTime();
		Report report = new Report();
		try (BenchDatabase database = BenchDatabase.create(settings)) {
			long starting = System.nanoTime();
			try (RunningPlatform platform = RunningPlatform.start(database, settings.threads() + 2)) {
				log.info("Platform started and migrated in {} s", seconds(starting));
				database.grantBypassRoleTheAppRolesPrivileges();
				CaseSeed seed = new CaseSeed(settings.tenants(), settings.cases());
				long seeding = System.nanoTime();
				try (Connection superuser = database.superuser()) {
					log.info("Seeding {} tenants and {} cases", settings.tenants(), settings.cases());
					seed.seed(superuser);
					log.info("Seeded, vacuumed and analyzed in {} s", seconds(seeding));
					describe(report, settings, superuser, seed, seconds(seeding));
				}
				List<TenantId> tenants = seed.tenantIds();
				List<Variant> variants = variants(platform);
				report.heading("Variants").variants(variants);

				Random random = new Random(20261130L);
				Map<Variant, Latencies> latencies = new LatencyRun(variants, tenants, settings, random).run();
				report.heading("Latency, one client")
					.line("Warm-up %d queries per variant, then %d rounds x %d queries per variant, interleaved "
							+ "(shuffled order per round, same random tenants for every variant in a round); "
							+ "newest %d cases of a random tenant per query.\n", settings.warmup(), settings.rounds(),
							settings.batch(), settings.limit())
					.latencies(latencies);
				report.heading("What the boundary costs, one client")
					.overhead("RLS, full stack: (a) over (b)", latencies.get(variants.get(0)),
							latencies.get(variants.get(1)))
					.overhead("RLS, plain JDBC in a tenant transaction: (d) over (e)", latencies.get(variants.get(3)),
							latencies.get(variants.get(4)))
					.overhead("Spring + Hibernate + the tenant transaction, no RLS: (b) over (c)",
							latencies.get(variants.get(1)), latencies.get(variants.get(2)))
					.overhead("Everything: (a) over (c)", latencies.get(variants.get(0)),
							latencies.get(variants.get(2)));

				Map<Variant, double[]> throughput = new ThroughputRun(variants, tenants, settings, random).run();
				report.heading("Throughput, " + settings.threads() + " clients")
					.line("%d windows of %d s per variant, interleaved; random tenant per query.\n",
							settings.throughputRounds(), settings.throughputSeconds())
					.throughput(throughput)
					.line("")
					.throughputOverhead("RLS, full stack: (a) against (b)", throughput.get(variants.get(0)),
							throughput.get(variants.get(1)))
					.throughputOverhead("RLS, plain JDBC: (d) against (e)", throughput.get(variants.get(3)),
							throughput.get(variants.get(4)));

				TenantId explained = tenants.get(tenants.size() / 2);
				report.heading("Plans for tenant " + explained + " (second, warm execution of each)")
					.plans(new QueryPlans(platform.dataSource()).capture(explained, settings.limit()));
			}
		}
		report.line("\nWhole run: %d s (including creating and dropping the database).", seconds(began));
		report.write(settings.report());
		log.info("Results written to {}", settings.report().toAbsolutePath());
	}

	private static List<Variant> variants(RunningPlatform platform) {
		RoleRoutingDataSource dataSource = platform.dataSource();
		String bypass = BenchDatabase.BYPASS_ROLE;
		return List.of(RepositoryCaseList.as(RoleRoutingDataSource.Role.APP, "a",
				"Full stack as consilium_app: Spring transaction from the platform's transaction manager "
						+ "(sets app.tenant_id), Spring Data/Hibernate repository call, row-level security applies",
				platform),
				RepositoryCaseList.as(RoleRoutingDataSource.Role.BYPASS, "b",
						"The same full stack as " + bypass
								+ " (BYPASSRLS, same privileges): row-level security skipped",
						platform),
				new JdbcCaseList("c",
						"Plain JDBC as " + bypass + ": one auto-committed statement with `where tenant_id = ? "
								+ "order by created_at desc limit ?`, no Hibernate: the floor",
						dataSource.pool(RoleRoutingDataSource.Role.BYPASS), false),
				new JdbcCaseList("d",
						"Plain JDBC as consilium_app shaped like the platform's transactions: set_config, the "
								+ "statement of (c), commit; row-level security applies",
						dataSource.pool(RoleRoutingDataSource.Role.APP), true),
				new JdbcCaseList("e", "The same as (d) as " + bypass + ": row-level security skipped",
						dataSource.pool(RoleRoutingDataSource.Role.BYPASS), true));
	}

	private static void describe(Report report, BenchSettings settings, Connection superuser, CaseSeed seed,
			long seedSeconds) throws SQLException {
		int[] spread = seed.spread(superuser);
		report.heading("Run")
			.line("- When: %s", Instant.now())
			.line("- Machine: %d cores seen by the JVM, %s %s, %s", Runtime.getRuntime().availableProcessors(),
					System.getProperty("java.vm.name"), System.getProperty("java.version"),
					System.getProperty("os.name") + " " + System.getProperty("os.arch"))
			.line("- Database: %s, shared_buffers %s, on the same machine", single(superuser, "select version()"),
					single(superuser, "show shared_buffers"))
			.line("- Data: %d tenants, %d cases (per tenant: fewest %d, average %d, most %d); medical_case %s "
					+ "table + %s indexes; seeded, vacuumed and analyzed in %d s", settings.tenants(), settings.cases(),
					spread[0], spread[1], spread[2],
					single(superuser, "select pg_size_pretty(pg_table_size('medical_case'))"),
					single(superuser, "select pg_size_pretty(pg_indexes_size('medical_case'))"), seedSeconds);
	}

	private static String single(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getString(1);
		}
	}

	private static long seconds(long since) {
		return (System.nanoTime() - since) / 1_000_000_000L;
	}

}

package org.consilium.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;

import javax.sql.DataSource;

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
		CpuPinning pinning = new CpuPinning(settings.pinCpu());
		pinning.pinThisJvm();
		try (BenchDatabase database = BenchDatabase.create(settings)) {
			long starting = System.nanoTime();
			try (RunningPlatform platform = RunningPlatform.start(database, settings.threads() + 2, pinning)) {
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
				report.heading("Variants").variants(variants).line("").line("Pools: %s.", platform.pools());
				report.line("").line(new BoundaryCheck(platform).verify(tenants.get(0)));

				Random random = new Random(20261130L);
				String loadBefore = load();
				Map<Variant, Latencies> latencies = new LatencyRun(variants, tenants, settings, random,
						platform::freshConnections)
					.run();
				report.heading("Latency, one client")
					.line("Warm-up %d queries per variant, then %d rounds x %d queries per variant, interleaved "
							+ "query by query (for each random tenant every variant once, in shuffled order); "
							+ "newest %d cases per query. Every round starts on new connections (new server "
							+ "processes), warmed by a few unrecorded queries. Load average before: %s; after: %s.\n",
							settings.warmup(), settings.rounds(), settings.batch(), settings.limit(), loadBefore,
							load())
					.latencies(latencies);
				writeSamples(latencies, settings.report().resolveSibling("benchmark-latencies.csv"), settings.batch());
				Latencies a = byKey(latencies, "a");
				Latencies b = byKey(latencies, "b");
				Latencies c = byKey(latencies, "c");
				Latencies d = byKey(latencies, "d");
				Latencies e = byKey(latencies, "e");
				Latencies f = byKey(latencies, "f");
				report.heading("What each layer costs, one client")
					.line("The first over the second. \"Paired\": the difference query by query (same tenant, run one "
							+ "right after the other); \"per round\": the two variants' means in each round.\n")
					.overhead("**Row-level security, full stack: (a) over (b)**", a, b)
					.overhead("Row-level security, plain JDBC: (d) over (e)", d, e)
					.overhead("Control, the same roles and pools on a table without a policy: (g) over (h)",
							byKey(latencies, "g"), byKey(latencies, "h"))
					.overhead("The set_config statement: (e) over (f)", e, f)
					.overhead("An explicit transaction: (f) over (c)", f, c)
					.overhead("Spring's transaction + Spring Data + Hibernate, same round trips: (b) over (e)", b, e)
					.overhead("Everything: (a) over (c)", a, c)
					.line("")
					.line("Corrected by the control (g)/(h), round by round:\n")
					.corrected("**Row-level security, full stack: (a) over (b)**", a, b, byKey(latencies, "g"),
							byKey(latencies, "h"), settings.batch())
					.corrected("Row-level security, plain JDBC: (d) over (e)", d, e, byKey(latencies, "g"),
							byKey(latencies, "h"), settings.batch());

				report.heading("Plan cache use after the latency runs")
					.line("Server-side prepared statements of the case list on the pooled connections.\n")
					.line("| pool | statement | generic plans | custom plans |")
					.line("|---|---|--:|--:|");
				for (RoleRoutingDataSource.Role role : RoleRoutingDataSource.Role.values()) {
					report.planCacheUse(role,
							PlanCacheUse.of(platform.dataSource().pool(role), settings.threads() + 2));
				}
				report.heading("Time in the database, per role")
					.serverTimes(new ServerTimes(platform, random).measure(tenants, settings.limit(), 20, 100), a);

				loadBefore = load();
				Map<Variant, double[]> throughput = new ThroughputRun(variants, tenants, settings, random,
						platform::freshConnections)
					.run();
				report.heading("Throughput, " + settings.threads() + " clients")
					.line("%d windows of %d s per variant, interleaved; random tenant per query. Load average "
							+ "before: %s; after: %s.\n", settings.throughputRounds(), settings.throughputSeconds(),
							loadBefore, load())
					.throughput(throughput)
					.line("")
					.throughputOverhead("**Row-level security, full stack: (a) against (b)**", byKey(throughput, "a"),
							byKey(throughput, "b"))
					.throughputOverhead("Row-level security, plain JDBC: (d) against (e)", byKey(throughput, "d"),
							byKey(throughput, "e"));

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
		DataSource app = dataSource.pool(RoleRoutingDataSource.Role.APP);
		DataSource bypass = dataSource.pool(RoleRoutingDataSource.Role.BYPASS);
		String bypassRole = BenchDatabase.BYPASS_ROLE;
		return List.of(RepositoryCaseList.as(RoleRoutingDataSource.Role.APP, "a",
				"Full stack as consilium_app: Spring transaction from the platform's transaction manager "
						+ "(sets app.tenant_id), Spring Data/Hibernate repository call, row-level security applies",
				platform),
				RepositoryCaseList.as(RoleRoutingDataSource.Role.BYPASS, "b",
						"The same full stack as " + bypassRole
								+ " (BYPASSRLS, same privileges): row-level security skipped",
						platform),
				new JdbcCaseList("c",
						"Plain JDBC as " + bypassRole + ": one auto-committed statement with `where tenant_id = ? "
								+ "order by created_at desc limit ?`, no Hibernate: the floor",
						bypass, JdbcCaseList.Shape.STATEMENT, JdbcCaseList.CASES),
				new JdbcCaseList("d",
						"Plain JDBC as consilium_app shaped like the platform's transactions: set_config, the "
								+ "statement of (c), commit; row-level security applies",
						app, JdbcCaseList.Shape.TENANT_TRANSACTION, JdbcCaseList.CASES),
				new JdbcCaseList("e", "The same as (d) as " + bypassRole + ": row-level security skipped", bypass,
						JdbcCaseList.Shape.TENANT_TRANSACTION, JdbcCaseList.CASES),
				new JdbcCaseList("f",
						"Plain JDBC as " + bypassRole + ": the statement of (c) in a transaction, without set_config",
						bypass, JdbcCaseList.Shape.TRANSACTION, JdbcCaseList.CASES),
				new JdbcCaseList("g",
						"Control, no policy involved: as (d), as consilium_app, but 50 rows of the tenant catalog "
								+ "(no row-level security)",
						app, JdbcCaseList.Shape.TENANT_TRANSACTION, JdbcCaseList.CONTROL),
				new JdbcCaseList("h", "The control (g) as " + bypassRole, bypass, JdbcCaseList.Shape.TENANT_TRANSACTION,
						JdbcCaseList.CONTROL));
	}

	/** Every recorded latency, for looking at the distributions beyond the table. */
	private static void writeSamples(Map<Variant, Latencies> latencies, Path file, int batch) throws IOException {
		StringBuilder csv = new StringBuilder("variant,round,nanos\n");
		latencies.forEach((variant, result) -> {
			long[] recorded = result.recorded();
			for (int i = 0; i < recorded.length; i++) {
				csv.append(variant.key()).append(',').append(i / batch).append(',').append(recorded[i]).append('\n');
			}
		});
		if (file.getParent() != null) {
			Files.createDirectories(file.getParent());
		}
		Files.writeString(file, csv);
	}

	private static <T> T byKey(Map<Variant, T> results, String key) {
		return results.entrySet()
			.stream()
			.filter((result) -> result.getKey().key().equals(key))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElseThrow();
	}

	private static void describe(Report report, BenchSettings settings, Connection superuser, CaseSeed seed,
			long seedSeconds) throws SQLException {
		int[] spread = seed.spread(superuser);
		report.heading("Run")
			.line("- When: %s", Instant.now())
			.line("- Machine: %d cores seen by the JVM, %s %s, %s", Runtime.getRuntime().availableProcessors(),
					System.getProperty("java.vm.name"), System.getProperty("java.version"),
					System.getProperty("os.name") + " " + System.getProperty("os.arch"))
			.line("- Pinning: %s",
					(settings.pinCpu() >= 0) ? "this JVM and its server processes on CPU " + settings.pinCpu()
							+ " (taskset); the machine's other work is not pinned" : "none")
			.line("- Database: %s, shared_buffers %s, on the same machine", single(superuser, "select version()"),
					single(superuser, "show shared_buffers"))
			.line("- Data: %d tenants, %d cases (per tenant: fewest %d, average %d, most %d); medical_case %s "
					+ "table + %s indexes; seeded, vacuumed and analyzed in %d s", settings.tenants(), settings.cases(),
					spread[0], spread[1], spread[2],
					single(superuser, "select pg_size_pretty(pg_table_size('medical_case'))"),
					single(superuser, "select pg_size_pretty(pg_indexes_size('medical_case'))"), seedSeconds);
	}

	/**
	 * Other work on the machine skews every figure; the report says how much there was.
	 */
	private static String load() {
		try {
			String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
			return fields[0] + " " + fields[1] + " " + fields[2];
		}
		catch (IOException | RuntimeException ex) {
			return "unknown";
		}
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

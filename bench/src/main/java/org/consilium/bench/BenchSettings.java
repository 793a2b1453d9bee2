package org.consilium.bench;

import java.nio.file.Path;

/**
 * What one run does, from {@code -Dbench.*} system properties (the bench module's pom
 * passes its defaults).
 *
 * @param tenants tenants to create
 * @param cases cases to spread over them
 * @param limit cases per list query (the case list shows the newest ones)
 * @param warmup queries per variant before anything is recorded
 * @param rounds measured rounds; each runs every variant once, in a shuffled order
 * @param batch queries per variant per round
 * @param threads concurrent clients in the throughput phase
 * @param throughputRounds timed windows per variant in the throughput phase
 * @param throughputSeconds length of one timed window
 * @param adminUrl a maintenance database where the run may create and drop its own
 * @param adminUser a superuser: it seeds past row-level security and creates a role
 * @param adminPassword the superuser's password (empty with trust authentication)
 * @param report where the results are written as Markdown
 * @param pinCpu the CPU the JVM and its server processes run on; negative: not pinned
 */
record BenchSettings(int tenants, int cases, int limit, int warmup, int rounds, int batch, int threads,
		int throughputRounds, int throughputSeconds, String adminUrl, String adminUser, String adminPassword,
		Path report, int pinCpu) {

	static BenchSettings fromSystemProperties() {
		return new BenchSettings(number("tenants", 1000), number("cases", 1_000_000), number("limit", 50),
				number("warmup", 4000), number("rounds", 80), number("batch", 250), number("threads", 4),
				number("throughput-rounds", 4), number("throughput-seconds", 3),
				text("admin-url", "jdbc:postgresql://localhost:5432/postgres"), text("admin-user", "postgres"),
				text("admin-password", ""), Path.of(text("report", "target/benchmark-results.md")),
				number("pin-cpu", 1));
	}

	private static int number(String name, int fallback) {
		return Integer.parseInt(text(name, Integer.toString(fallback)).replace("_", ""));
	}

	private static String text(String name, String fallback) {
		return System.getProperty("bench." + name, fallback);
	}

}

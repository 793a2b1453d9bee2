package org.consilium.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The results as Markdown: printed, and written where docs/benchmarks.md can quote them.
 */
final class Report {

	private final StringBuilder text = new StringBuilder();

	Report heading(String title) {
		this.text.append("\n## ").append(title).append("\n\n");
		return this;
	}

	Report line(String format, Object... values) {
		this.text.append(String.format(Locale.ROOT, format, values)).append('\n');
		return this;
	}

	Report variants(List<Variant> variants) {
		for (Variant variant : variants) {
			line("- **(%s)** %s", variant.key(), variant.description());
		}
		return this;
	}

	Report latencies(Map<Variant, Latencies> latencies) {
		line("| variant | samples | mean µs | p50 µs | p95 µs | p99 µs | queries/s (1 client) |");
		line("|---|--:|--:|--:|--:|--:|--:|");
		latencies.forEach((variant, result) -> line("| (%s) | %d | %.1f | %.1f | %.1f | %.1f | %.0f |", variant.key(),
				result.count(), result.mean(), result.percentile(50), result.percentile(95), result.percentile(99),
				result.opsPerSecond()));
		return this;
	}

	Report overhead(String what, Latencies with, Latencies without) {
		double[] perRound = with.overheadPerRound(without);
		double paired = with.pairedMedianDifference(without);
		line("- %s: paired median %+.1f µs (%+.1f %% of the second's p50); mean %+.1f %%, p50 %+.1f %%, p95 %+.1f %%, "
				+ "p99 %+.1f %%; per round: median %+.1f %%, middle half %+.1f %% to %+.1f %%", what, paired,
				100 * paired / without.percentile(50), percent(with.mean(), without.mean()),
				percent(with.percentile(50), without.percentile(50)),
				percent(with.percentile(95), without.percentile(95)),
				percent(with.percentile(99), without.percentile(99)), 100 * Latencies.quantile(perRound, 0.5),
				100 * Latencies.quantile(perRound, 0.25), 100 * Latencies.quantile(perRound, 0.75));
		return this;
	}

	/**
	 * A difference corrected by the control's: each round's server processes land on the
	 * cores differently, which moves both pairs alike (the control's pair by as much as
	 * 100 µs); subtracting the control's difference round by round removes that.
	 */
	Report corrected(String what, Latencies with, Latencies without, Latencies controlWith, Latencies controlWithout,
			int batch) {
		double[] pair = with.pairedMedianPerRound(without, batch);
		double[] control = controlWith.pairedMedianPerRound(controlWithout, batch);
		double[] corrected = new double[pair.length];
		for (int round = 0; round < corrected.length; round++) {
			corrected[round] = pair[round] - control[round];
		}
		Arrays.sort(corrected);
		double median = Latencies.quantile(corrected, 0.5);
		return line(
				"- %s: %+.1f µs per query (%+.1f %% of the second's p50); middle half of the rounds %+.1f to "
						+ "%+.1f µs",
				what, median, 100 * median / without.percentile(50), Latencies.quantile(corrected, 0.25),
				Latencies.quantile(corrected, 0.75));
	}

	Report throughput(Map<Variant, double[]> throughput) {
		line("| variant | queries/s (mean of windows) | lowest window | highest window |");
		line("|---|--:|--:|--:|");
		throughput.forEach((variant, windows) -> line("| (%s) | %.0f | %.0f | %.0f |", variant.key(), mean(windows),
				Arrays.stream(windows).min().orElse(0), Arrays.stream(windows).max().orElse(0)));
		return this;
	}

	Report throughputOverhead(String what, double[] with, double[] without) {
		line("- %s: %+.1f %% queries/s", what, percent(mean(with), mean(without)));
		return this;
	}

	Report serverTimes(Map<RoleRoutingDataSource.Role, ServerTimes.Times> times, Latencies fullStack) {
		ServerTimes.Times app = times.get(RoleRoutingDataSource.Role.APP);
		ServerTimes.Times bypass = times.get(RoleRoutingDataSource.Role.BYPASS);
		line("The statement Hibernate sends, in a tenant transaction, run with `EXPLAIN (ANALYZE, TIMING OFF)`: "
				+ "PostgreSQL's own planning and execution time, %d executions per role, interleaved, on fresh "
				+ "connections every 100.\n", app.count());
		line("| role | planning µs (median) | execution µs (median) | both µs (mean) | both µs (p95) |");
		line("|---|--:|--:|--:|--:|");
		line("| consilium_app (RLS) | %.1f | %.1f | %.1f | %.1f |", app.planningMedian(), app.executionMedian(),
				app.meanTotal(), app.totalPercentile(95));
		line("| %s | %.1f | %.1f | %.1f | %.1f |", BenchDatabase.BYPASS_ROLE, bypass.planningMedian(),
				bypass.executionMedian(), bypass.meanTotal(), bypass.totalPercentile(95));
		// Medians: a single stall of the machine moves a mean by more than the policy
		// costs.
		double added = app.totalPercentile(50) - bypass.totalPercentile(50);
		return line(
				"\n- **Row-level security adds %.1f µs per query in the database (medians of planning + execution: "
						+ "%.1f against %.1f): %.1f %% of (a)'s p50 latency (%.1f µs).**",
				added, app.totalPercentile(50), bypass.totalPercentile(50), 100 * added / fullStack.percentile(50),
				fullStack.percentile(50));
	}

	Report planCacheUse(RoleRoutingDataSource.Role role, Map<String, long[]> counts) {
		counts.forEach((statement, count) -> line("| %s | `%s` | %d | %d |", role, statement, count[0], count[1]));
		return this;
	}

	Report plans(List<QueryPlans.Plan> plans) {
		for (QueryPlans.Plan plan : plans) {
			this.text.append("\n### ")
				.append(plan.title())
				.append("\n\n```sql\n")
				.append(plan.sql())
				.append("\n```\n\n```\n")
				.append(plan.text())
				.append("```\n");
		}
		return this;
	}

	void write(Path file) throws IOException {
		System.out.println(this.text);
		if (file.getParent() != null) {
			Files.createDirectories(file.getParent());
		}
		Files.writeString(file, "# Tenant boundary benchmark: results of one run\n" + this.text);
	}

	private static double percent(double with, double without) {
		return 100 * (with / without - 1);
	}

	private static double mean(double[] values) {
		return Arrays.stream(values).average().orElse(0);
	}

}

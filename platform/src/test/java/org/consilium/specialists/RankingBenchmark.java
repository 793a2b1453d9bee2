package org.consilium.specialists;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.consilium.specialists.Ranking.Candidate;
import org.consilium.specialists.Ranking.CaseNeeds;
import org.consilium.tenantconfig.Specialties;
import org.junit.jupiter.api.Test;

/**
 * Not part of {@code verify} (no Test/IT suffix): ranks 10,000 generated specialists for
 * one case, over and over, and reports the latency percentiles (docs/benchmarks.md).
 * {@code ./mvnw -B test -pl platform -am -Dtest=RankingBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}
 */
class RankingBenchmark {

	static final int SPECIALISTS = Integer.getInteger("bench.ranking.specialists", 10_000);

	static final int WARMUP = Integer.getInteger("bench.ranking.warmup", 3_000);

	static final int ROUNDS = Integer.getInteger("bench.ranking.rounds", 5_000);

	@Test
	void rank_ten_thousand_specialists() throws IOException {
		Random random = new Random(42);
		List<String> languages = List.of("en", "es", "fr", "de", "pt", "zh", "ar");
		List<String> regions = List.of("US-MA", "US-NY", "US-CA", "US-TX", "US-FL", "ES", "MX", "US");
		List<String> pools = List.of("general", "spanish-speaking", "acme-panel", "p4", "p5", "p6");
		List<Candidate> candidates = new ArrayList<>(SPECIALISTS);
		for (int i = 0; i < SPECIALISTS; i++) {
			String specialty = Specialties.CATALOG.get(random.nextInt(Specialties.CATALOG.size()));
			List<LocalDate[]> absences = (random.nextInt(10) == 0)
					? List.<LocalDate[]>of(new LocalDate[] { LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 5) })
					: List.of();
			candidates.add(new Candidate("sp-" + i, "Specialist " + i, random.nextInt(50) != 0,
					new java.util.HashSet<>(List.of(specialty, "oncology")), Set.of("sub-" + random.nextInt(5)),
					new java.util.HashSet<>(List.of("en", languages.get(random.nextInt(languages.size())))),
					Set.of(regions.get(random.nextInt(regions.size()))),
					Set.of(pools.get(random.nextInt(pools.size()))), random.nextInt(12), 10, absences));
		}
		CaseNeeds needs = new CaseNeeds("oncology", "sub-2", "es", "US", "MA", Set.of("general", "p4"), "sp-77",
				LocalDate.of(2027, 3, 8));
		long sink = 0;
		for (int i = 0; i < WARMUP; i++) {
			sink += Ranking.rank(needs, candidates, 10).size();
		}
		long[] nanos = new long[ROUNDS];
		for (int i = 0; i < ROUNDS; i++) {
			long start = System.nanoTime();
			sink += Ranking.rank(needs, candidates, 10).size();
			nanos[i] = System.nanoTime() - start;
		}
		Arrays.sort(nanos);
		String report = String.format(
				"Ranking %,d specialists for one case, %,d rounds after %,d warm-up: p50 %.2f ms, p95 %.2f ms, "
						+ "p99 %.2f ms, max %.2f ms (sink %d)%n",
				SPECIALISTS, ROUNDS, WARMUP, ms(nanos, 0.50), ms(nanos, 0.95), ms(nanos, 0.99),
				nanos[nanos.length - 1] / 1e6, sink);
		System.out.print(report);
		Files.writeString(Path.of("target", "ranking-benchmark.txt"), report);
	}

	private static double ms(long[] sorted, double quantile) {
		return sorted[(int) Math.ceil(quantile * sorted.length) - 1] / 1e6;
	}

}

package org.consilium.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.consilium.tenant.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client, back to back. Variants are interleaved query by query so that drift and
 * bursts of other load on the machine (JIT, autovacuum, someone's build) hit all of them
 * alike: for each random tenant every variant runs once, in a freshly shuffled order.
 * Rounds group the queries so that each variant's mean can be compared round by round.
 */
final class LatencyRun {

	private static final Logger log = LoggerFactory.getLogger(LatencyRun.class);

	/** Queries per variant on fresh connections before a round is recorded. */
	private static final int REWARM = 12;

	private final List<Variant> variants;

	private final List<TenantId> tenants;

	private final BenchSettings settings;

	private final Random random;

	private final Runnable freshConnections;

	LatencyRun(List<Variant> variants, List<TenantId> tenants, BenchSettings settings, Random random,
			Runnable freshConnections) {
		this.variants = variants;
		this.tenants = tenants;
		this.settings = settings;
		this.random = random;
		this.freshConnections = freshConnections;
	}

	Map<Variant, Latencies> run() {
		int warmupRounds = Math.max(1, this.settings.warmup() / this.settings.batch());
		log.info("Warm-up: {} rounds of {} queries per variant", warmupRounds, this.settings.batch());
		this.freshConnections.run();
		for (int round = 0; round < warmupRounds; round++) {
			runRound(sample(this.settings.batch()), null, 0);
		}
		int rounds = this.settings.rounds();
		int batch = this.settings.batch();
		Map<Variant, long[]> samples = new LinkedHashMap<>();
		Map<Variant, double[]> roundMeans = new LinkedHashMap<>();
		for (Variant variant : this.variants) {
			samples.put(variant, new long[rounds * batch]);
			roundMeans.put(variant, new double[rounds]);
		}
		for (int round = 0; round < rounds; round++) {
			// Each role has its own server processes; new ones every round keep one
			// process's luck (its core, its caches) from becoming a variant's result.
			// Unrecorded queries then prepare the statements again.
			this.freshConnections.run();
			runRound(sample(REWARM), null, 0);
			Map<Variant, Long> totals = runRound(sample(batch), samples, round * batch);
			for (Map.Entry<Variant, Long> total : totals.entrySet()) {
				roundMeans.get(total.getKey())[round] = (double) total.getValue() / batch;
			}
			if ((round + 1) % 10 == 0) {
				log.info("Measured {} of {} rounds", round + 1, rounds);
			}
		}
		Map<Variant, Latencies> result = new LinkedHashMap<>();
		for (Variant variant : this.variants) {
			result.put(variant, new Latencies(samples.get(variant), roundMeans.get(variant)));
		}
		return result;
	}

	private List<TenantId> sample(int size) {
		List<TenantId> sample = new ArrayList<>(size);
		for (int i = 0; i < size; i++) {
			sample.add(this.tenants.get(this.random.nextInt(this.tenants.size())));
		}
		return sample;
	}

	/**
	 * Runs every variant on each tenant of the sample; records into samples when given.
	 */
	private Map<Variant, Long> runRound(List<TenantId> sample, Map<Variant, long[]> samples, int offset) {
		Map<Variant, Long> totals = new LinkedHashMap<>();
		this.variants.forEach((variant) -> totals.put(variant, 0L));
		List<Variant> order = new ArrayList<>(this.variants);
		int limit = this.settings.limit();
		for (int i = 0; i < sample.size(); i++) {
			TenantId tenant = sample.get(i);
			Collections.shuffle(order, this.random);
			for (Variant variant : order) {
				long start = System.nanoTime();
				int rows = variant.newestCases(tenant, limit);
				long elapsed = System.nanoTime() - start;
				if (rows != limit) {
					throw new IllegalStateException("Variant " + variant.key() + " returned " + rows + " rows for "
							+ tenant + ", expected " + limit);
				}
				totals.merge(variant, elapsed, Long::sum);
				if (samples != null) {
					samples.get(variant)[offset + i] = elapsed;
				}
			}
		}
		return totals;
	}

}

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
 * One client, back to back. Variants are interleaved so that drift (JIT, caches,
 * autovacuum, other load on the machine) hits all of them alike: every round runs each
 * variant on the same random tenants, in a freshly shuffled order.
 */
final class LatencyRun {

	private static final Logger log = LoggerFactory.getLogger(LatencyRun.class);

	private final List<Variant> variants;

	private final List<TenantId> tenants;

	private final BenchSettings settings;

	private final Random random;

	LatencyRun(List<Variant> variants, List<TenantId> tenants, BenchSettings settings, Random random) {
		this.variants = variants;
		this.tenants = tenants;
		this.settings = settings;
		this.random = random;
	}

	Map<Variant, Latencies> run() {
		int warmupRounds = Math.max(1, this.settings.warmup() / this.settings.batch());
		log.info("Warm-up: {} rounds of {} queries per variant", warmupRounds, this.settings.batch());
		for (int round = 0; round < warmupRounds; round++) {
			runRound(sample(), null, 0);
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
			Map<Variant, Long> totals = runRound(sample(), samples, round * batch);
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

	private List<TenantId> sample() {
		List<TenantId> sample = new ArrayList<>(this.settings.batch());
		for (int i = 0; i < this.settings.batch(); i++) {
			sample.add(this.tenants.get(this.random.nextInt(this.tenants.size())));
		}
		return sample;
	}

	/** Runs every variant over the sample; records into samples when given. */
	private Map<Variant, Long> runRound(List<TenantId> sample, Map<Variant, long[]> samples, int offset) {
		List<Variant> order = new ArrayList<>(this.variants);
		Collections.shuffle(order, this.random);
		Map<Variant, Long> totals = new LinkedHashMap<>();
		int limit = this.settings.limit();
		for (Variant variant : order) {
			long[] into = (samples != null) ? samples.get(variant) : null;
			long total = 0;
			for (int i = 0; i < sample.size(); i++) {
				long start = System.nanoTime();
				int rows = variant.newestCases(sample.get(i), limit);
				long elapsed = System.nanoTime() - start;
				if (rows != limit) {
					throw new IllegalStateException("Variant " + variant.key() + " returned " + rows + " rows for "
							+ sample.get(i) + ", expected " + limit);
				}
				total += elapsed;
				if (into != null) {
					into[offset + i] = elapsed;
				}
			}
			totals.put(variant, total);
		}
		return totals;
	}

}

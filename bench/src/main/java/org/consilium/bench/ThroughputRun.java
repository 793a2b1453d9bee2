package org.consilium.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.consilium.tenant.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Several clients at once, each picking a random tenant per query, for a fixed time per
 * window. With more clients than cores the machine is saturated, so this shows what a
 * variant costs in CPU rather than in waiting. Windows are interleaved like the latency
 * rounds.
 */
final class ThroughputRun {

	private static final Logger log = LoggerFactory.getLogger(ThroughputRun.class);

	private final List<Variant> variants;

	private final List<TenantId> tenants;

	private final BenchSettings settings;

	private final Random random;

	private final Runnable freshConnections;

	ThroughputRun(List<Variant> variants, List<TenantId> tenants, BenchSettings settings, Random random,
			Runnable freshConnections) {
		this.variants = variants;
		this.tenants = tenants;
		this.settings = settings;
		this.random = random;
		this.freshConnections = freshConnections;
	}

	/** Queries per second, one value per window, by variant. */
	Map<Variant, double[]> run() throws Exception {
		ExecutorService clients = Executors.newFixedThreadPool(this.settings.threads());
		try {
			log.info("Throughput: {} clients, {} windows of {} s per variant", this.settings.threads(),
					this.settings.throughputRounds(), this.settings.throughputSeconds());
			for (Variant variant : this.variants) {
				window(clients, variant, 1000); // fills the pools, unrecorded
			}
			Map<Variant, double[]> result = new LinkedHashMap<>();
			for (Variant variant : this.variants) {
				result.put(variant, new double[this.settings.throughputRounds()]);
			}
			for (int round = 0; round < this.settings.throughputRounds(); round++) {
				List<Variant> order = new ArrayList<>(this.variants);
				Collections.shuffle(order, this.random);
				for (Variant variant : order) {
					// Fresh server processes, warmed unrecorded, as in the latency
					// rounds.
					this.freshConnections.run();
					window(clients, variant, 300);
					result.get(variant)[round] = window(clients, variant, this.settings.throughputSeconds() * 1000L);
				}
			}
			return result;
		}
		finally {
			clients.shutdownNow();
		}
	}

	private double window(ExecutorService clients, Variant variant, long millis) throws Exception {
		AtomicBoolean stop = new AtomicBoolean();
		int limit = this.settings.limit();
		List<Future<Long>> counts = new ArrayList<>();
		long start = System.nanoTime();
		for (int i = 0; i < this.settings.threads(); i++) {
			counts.add(clients.submit(() -> {
				long done = 0;
				while (!stop.get()) {
					variant.newestCases(this.tenants.get(ThreadLocalRandom.current().nextInt(this.tenants.size())),
							limit);
					done++;
				}
				return done;
			}));
		}
		TimeUnit.MILLISECONDS.sleep(millis);
		stop.set(true);
		long total = 0;
		for (Future<Long> count : counts) {
			total += count.get();
		}
		return total / ((System.nanoTime() - start) / 1e9);
	}

}

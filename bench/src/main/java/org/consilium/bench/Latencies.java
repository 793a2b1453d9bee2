package org.consilium.bench;

import java.util.Arrays;

/**
 * One variant's recorded latencies (nanoseconds) and its mean per measured round.
 */
final class Latencies {

	private final long[] recorded;

	private final long[] sorted;

	private final double[] roundMeans;

	private final double total;

	Latencies(long[] samples, double[] roundMeans) {
		this.recorded = samples.clone();
		this.sorted = samples.clone();
		Arrays.sort(this.sorted);
		this.roundMeans = roundMeans.clone();
		this.total = Arrays.stream(samples).asDoubleStream().sum();
	}

	/** Nanoseconds in the order they were recorded, round by round. */
	long[] recorded() {
		return this.recorded.clone();
	}

	int count() {
		return this.sorted.length;
	}

	/** Mean in microseconds. */
	double mean() {
		return this.total / this.sorted.length / 1000.0;
	}

	/** Nearest-rank percentile in microseconds. */
	double percentile(double p) {
		int rank = (int) Math.ceil(p / 100.0 * this.sorted.length);
		return this.sorted[Math.max(0, Math.min(this.sorted.length - 1, rank - 1))] / 1000.0;
	}

	/** Queries per second of one client issuing them back to back. */
	double opsPerSecond() {
		return this.sorted.length / (this.total / 1e9);
	}

	/**
	 * Median of the differences query by query, in microseconds: the two ran on the same
	 * tenant one right after the other, so most of the machine's noise cancels.
	 */
	double pairedMedianDifference(Latencies other) {
		double[] differences = new double[this.recorded.length];
		for (int i = 0; i < differences.length; i++) {
			differences[i] = (this.recorded[i] - other.recorded[i]) / 1000.0;
		}
		Arrays.sort(differences);
		return quantile(differences, 0.5);
	}

	/**
	 * Per round, the median of the query-by-query differences in microseconds (rounds of
	 * {@code batch} queries, in recording order).
	 */
	double[] pairedMedianPerRound(Latencies other, int batch) {
		double[] medians = new double[this.recorded.length / batch];
		for (int round = 0; round < medians.length; round++) {
			double[] differences = new double[batch];
			for (int i = 0; i < batch; i++) {
				int at = round * batch + i;
				differences[i] = (this.recorded[at] - other.recorded[at]) / 1000.0;
			}
			Arrays.sort(differences);
			medians[round] = quantile(differences, 0.5);
		}
		return medians;
	}

	/** This variant's mean over another's, round by round, minus one. */
	double[] overheadPerRound(Latencies baseline) {
		double[] overhead = new double[this.roundMeans.length];
		for (int i = 0; i < overhead.length; i++) {
			overhead[i] = this.roundMeans[i] / baseline.roundMeans[i] - 1;
		}
		Arrays.sort(overhead);
		return overhead;
	}

	static double quantile(double[] sorted, double q) {
		double position = q * (sorted.length - 1);
		int lower = (int) Math.floor(position);
		int upper = (int) Math.ceil(position);
		return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
	}

}

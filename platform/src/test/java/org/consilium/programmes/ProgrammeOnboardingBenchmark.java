package org.consilium.programmes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.consilium.support.IntegrationTest;
import org.consilium.support.Users;
import org.consilium.tenantconfig.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not part of {@code verify} (no Test/IT suffix): creates programmes one after another
 * through the platform admin's service (validation, one transaction with the catalog
 * rows, the first admin's account, the outbox message and the audit entries, then this
 * node's catalog refresh) and reports the latency percentiles (docs/benchmarks.md).
 * {@code ./mvnw -B -o verify -pl platform -am -Dit.test=ProgrammeOnboardingBenchmark
 * -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false}
 */
@IntegrationTest
class ProgrammeOnboardingBenchmark {

	static final int WARMUP = Integer.getInteger("bench.onboarding.warmup", 10);

	static final int ROUNDS = Integer.getInteger("bench.onboarding.rounds", 40);

	@Autowired
	ProgrammeAdministration programmes;

	@Test
	void onboard_programmes_one_after_another() throws IOException {
		for (int i = 0; i < WARMUP; i++) {
			create();
		}
		long[] nanos = new long[ROUNDS];
		for (int i = 0; i < ROUNDS; i++) {
			long start = System.nanoTime();
			create();
			nanos[i] = System.nanoTime() - start;
		}
		Arrays.sort(nanos);
		String report = "onboarding of %d programmes after %d warm-up (catalog grows to %d): p50 %.0f ms, p95 %.0f ms, max %.0f ms%n"
			.formatted(ROUNDS, WARMUP, Users.as(admin(), this.programmes::programmes).size(), ms(nanos, 0.50),
					ms(nanos, 0.95), nanos[nanos.length - 1] / 1e6);
		System.out.print(report);
		Files.writeString(Path.of("target", "onboarding-benchmark.txt"), report);
	}

	private void create() {
		String slug = "bench-" + UUID.randomUUID().toString().substring(0, 8);
		assertThat(
				Users.as(admin(),
						() -> this.programmes.create(new NewProgramme(slug, "Bench " + slug,
								List.of(slug + ".localhost"), List.of("en"), "Bea Admin", "admin@" + slug + ".example"),
								Locale.ENGLISH)))
			.isEmpty();
	}

	private static org.consilium.identity.ConsiliumUser admin() {
		return Users.operator("bench-admin", Role.PLATFORM_ADMIN);
	}

	private static double ms(long[] sorted, double quantile) {
		return sorted[(int) Math.min(sorted.length - 1, Math.round(quantile * (sorted.length - 1)))] / 1e6;
	}

}

package org.consilium.shell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.consilium.tenantconfig.AssetSource;
import org.consilium.tenantconfig.TenantConfig;
import org.consilium.tenantconfig.TenantConfigLoader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "How it works" follows each programme's workflow variant: a step the variant skips is
 * absent.
 */
class HowItWorksTest {

	static final Path TENANTS = Path.of("..", "tenant-config", "tenants");

	@Test
	void public_requires_the_doctor_and_delivers_to_the_doctor_first() throws Exception {
		assertThat(keys(load("public.yaml", "", ""))).containsExactly("account-local", "request", "doctor-required",
				"records-with-retrieval", "triage", "review-staff", "delivery-doctor-first");
	}

	@Test
	void when_acmes_variant_skips_the_doctor_there_is_no_doctor_step() throws Exception {
		List<String> steps = keys(load("acme.yaml", "doctorParticipation: OPTIONAL", "doctorParticipation: SKIPPED"));
		assertThat(steps).noneMatch((step) -> step.startsWith("doctor-"));
		assertThat(steps).contains("account-sso", "eligibility-sso", "review-second-reader", "delivery-patient");
	}

	@Test
	void census_eligibility_and_no_retrieval_partner_show_in_globex_steps() throws Exception {
		assertThat(keys(load("globex.yaml", "", ""))).contains("eligibility-census", "records", "doctor-optional")
			.doesNotContain("records-with-retrieval");
	}

	@Test
	void turnaround_days_are_the_argument_of_the_review_step() throws Exception {
		var review = HowItWorks.steps(load("acme.yaml", "", ""))
			.stream()
			.filter((step) -> step.key().startsWith("review"))
			.findFirst()
			.orElseThrow();
		assertThat(review.args()).containsExactly(7);
	}

	private static List<String> keys(TenantConfig config) {
		return HowItWorks.steps(config).stream().map(HowItWorks.Step::key).toList();
	}

	private static TenantConfig load(String file, String from, String to) throws Exception {
		String yaml = Files.readString(TENANTS.resolve(file));
		if (!from.isEmpty()) {
			assertThat(yaml).contains(from);
			yaml = yaml.replace(from, to);
		}
		return new TenantConfigLoader().parse("tenants/" + file, yaml, AssetSource.directory(TENANTS)).config();
	}

}

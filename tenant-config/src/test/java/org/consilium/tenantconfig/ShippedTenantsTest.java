package org.consilium.tenantconfig;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consilium.tenantconfig.MoneyTest.usd;

/**
 * Every tenant file shipped in {@code tenant-config/tenants} loads, and the three demo
 * tenants differ in every dimension they are meant to show.
 */
class ShippedTenantsTest {

	static final Path TENANTS = Path.of("tenants");

	private final Map<String, TenantConfig> tenants = new TenantConfigLoader().loadDirectory(TENANTS)
		.stream()
		.map(LoadedTenant::config)
		.collect(Collectors.toMap(TenantConfig::slug, Function.identity()));

	@Test
	void every_shipped_file_loads_and_validates() {
		assertThat(this.tenants).containsOnlyKeys("public", "acme", "globex");
	}

	@Test
	void public_tenant_is_direct_pay_with_local_accounts() {
		TenantConfig config = this.tenants.get("public");
		assertThat(config.hosts()).containsExactly("public.localhost");
		assertThat(config.identity().localAccounts()).isTrue();
		assertThat(config.identity().hasSso()).isFalse();
		assertThat(config.billing().payer()).isEqualTo(Billing.Payer.PATIENT);
		assertThat(config.billing().patientCharge()).contains(Billing.PatientCharge.ON_COMPLETION);
		assertThat(config.billing().priceFor("oncology").minorUnits()).isEqualTo(95000);
		assertThat(config.billing().priceFor("cardiology").minorUnits()).isEqualTo(75000);
		assertThat(config.billing().processingFee()).contains(usd("25.00"));
		assertThat(config.billing().rereadAddOns()).containsOnly(Map.entry(Billing.Reread.PATHOLOGY, usd("250.00")),
				Map.entry(Billing.Reread.RADIOLOGY, usd("150.00")));
		assertThat(config.billing().cancellation()).isEqualTo(new Billing.Cancellation(0, 50, 0));
		assertThat(config.billing().patientShare("oncology", Set.of(Billing.Reread.PATHOLOGY)))
			.isEqualTo(usd("1200.00"));
		assertThat(config.billing().employerShare("oncology", Set.of(Billing.Reread.PATHOLOGY)).isZero()).isTrue();
		assertThat(config.workflow().doctorParticipation()).isEqualTo(Workflow.DoctorParticipation.REQUIRED);
		assertThat(config.workflow().approval()).isEqualTo(Workflow.Approval.STAFF);
		assertThat(config.workflow().turnaroundDays()).isEqualTo(10);
	}

	@Test
	void acme_is_sso_only_employer_paid_with_second_reader_and_its_own_pool() {
		TenantConfig config = this.tenants.get("acme");
		assertThat(config.identity().localAccounts()).isFalse();
		SamlProvider idp = config.identity().samlProviders().get(0);
		assertThat(idp.roleMapping()).containsEntry("hr-benefits-admins", Role.TENANT_ADMIN);
		assertThat(idp.eligibility().orElseThrow().allows(List.of("Active"))).isTrue();
		assertThat(idp.eligibility().orElseThrow().allows(List.of("terminated"))).isFalse();
		assertThat(config.billing().payer()).isEqualTo(Billing.Payer.EMPLOYER);
		assertThat(config.billing().patientCharge()).isEmpty();
		assertThat(config.billing().employerInvoicing()).contains(Billing.EmployerInvoicing.MONTHLY);
		assertThat(config.billing().processingFee()).isEmpty();
		assertThat(config.billing().rereadAddOns()).containsOnly(Map.entry(Billing.Reread.PATHOLOGY, usd("300.00")));
		assertThat(config.billing().cancellation()).isEqualTo(new Billing.Cancellation(0, 100, 0));
		assertThat(config.billing().employerShare("cardiology", Set.of(Billing.Reread.PATHOLOGY)))
			.isEqualTo(usd("1500.00"));
		assertThat(config.billing().patientShare("cardiology", Set.of(Billing.Reread.PATHOLOGY)).isZero()).isTrue();
		assertThat(config.workflow().doctorParticipation()).isEqualTo(Workflow.DoctorParticipation.OPTIONAL);
		assertThat(config.workflow().approval()).isEqualTo(Workflow.Approval.SECOND_READER);
		assertThat(config.workflow().turnaroundDays()).isEqualTo(7);
		assertThat(config.workflow().specialistPools()).containsExactly("acme-panel");
		assertThat(config.workflow().eligibility()).isEqualTo(Workflow.Eligibility.SSO_ATTRIBUTE);
	}

	@Test
	void globex_has_census_eligibility_a_copay_and_two_languages() {
		TenantConfig config = this.tenants.get("globex");
		assertThat(config.locales()).containsExactly(Locale.ENGLISH, Locale.forLanguageTag("es"));
		assertThat(config.identity().localAccounts()).isTrue();
		assertThat(config.workflow().eligibility()).isEqualTo(Workflow.Eligibility.CENSUS);
		assertThat(config.billing().payer()).isEqualTo(Billing.Payer.COPAY_AND_EMPLOYER);
		assertThat(config.billing().copay().orElseThrow().minorUnits()).isEqualTo(5000);
		assertThat(config.billing().currency().getCurrencyCode()).isEqualTo("USD");
		assertThat(config.billing().patientCharge()).contains(Billing.PatientCharge.ON_COMPLETION);
		assertThat(config.billing().employerInvoicing()).contains(Billing.EmployerInvoicing.PER_CASE);
		assertThat(config.billing().processingFee()).isEmpty();
		assertThat(config.billing().rereadAddOns()).containsOnly(Map.entry(Billing.Reread.PATHOLOGY, usd("250.00")));
		assertThat(config.billing().cancellation()).isEqualTo(new Billing.Cancellation(0, 50, 0));
		assertThat(config.billing().patientShare("oncology", Set.of(Billing.Reread.PATHOLOGY))).isEqualTo(usd("50.00"));
		assertThat(config.billing().employerShare("oncology", Set.of(Billing.Reread.PATHOLOGY)))
			.isEqualTo(usd("1100.00"));
		assertThat(config.workflow().doctorParticipation()).isEqualTo(Workflow.DoctorParticipation.OPTIONAL);
		assertThat(config.workflow().requiredConsents().get(0).text().in(Locale.forLanguageTag("es")))
			.startsWith("Entiendo");
		assertThat(config.notification(NotificationKind.EMAIL_VERIFICATION)
			.orElseThrow()
			.subject()
			.orElseThrow()
			.in(Locale.forLanguageTag("es"))).startsWith("Bienvenido a su beneficio Globex");
		assertThat(config.notification(NotificationKind.OPINION_READY)).isEmpty();
	}

	@Test
	void the_three_tenants_differ_in_every_dimension_that_matters_to_users() {
		assertThat(this.tenants.values().stream().map((t) -> t.branding().primaryColor()).distinct()).hasSize(3);
		assertThat(this.tenants.values().stream().map((t) -> t.billing().payer()).distinct()).hasSize(3);
		assertThat(this.tenants.values().stream().map((t) -> t.workflow().turnaroundDays()).distinct()).hasSize(3);
		assertThat(this.tenants.values().stream().map((t) -> t.workflow().eligibility()).distinct()).hasSize(3);
		assertThat(this.tenants.values().stream().map((t) -> t.branding().businessHours().timeZone()).distinct())
			.hasSize(3);
	}

	@Test
	void business_hours_are_read_in_the_tenant_time_zone() {
		BusinessHours hours = this.tenants.get("public").branding().businessHours();
		assertThat(hours.on(DayOfWeek.SATURDAY)).isEmpty();
		// Monday 2026-11-30 14:00 UTC is 09:00 in New York: open.
		assertThat(hours.isOpenAt(Instant.parse("2026-11-30T14:00:00Z"))).isTrue();
		// Monday 2026-11-30 12:00 UTC is 07:00 in New York: closed.
		assertThat(hours.isOpenAt(Instant.parse("2026-11-30T12:00:00Z"))).isFalse();
		// Christmas is closed although it is a Friday.
		assertThat(hours.isOpenAt(Instant.parse("2026-12-25T16:00:00Z"))).isFalse();
		BusinessHours acme = this.tenants.get("acme").branding().businessHours();
		// Lunch break in Chicago (12:30 CST = 18:30 UTC) is closed.
		assertThat(acme.isOpenAt(Instant.parse("2026-11-30T18:30:00Z"))).isFalse();
		assertThat(acme.isOpenAt(Instant.parse("2026-11-30T19:30:00Z"))).isTrue();
	}

	@Test
	void assets_are_carried_with_the_config_and_change_the_fingerprint() {
		LoadedTenant acme = new TenantConfigLoader().loadDirectory(TENANTS)
			.stream()
			.filter((t) -> t.config().slug().equals("acme"))
			.findFirst()
			.orElseThrow();
		assertThat(acme.assets()).containsKeys("assets/acme-logo.svg", "assets/acme-favicon.svg");
		assertThat(AssetTypes.imageType(acme.assets().get("assets/acme-logo.svg"))).contains("image/svg+xml");
		LoadedTenant withOtherLogo = new LoadedTenant(acme.source(), acme.yaml(), acme.config(),
				Map.of("assets/acme-logo.svg", new byte[] { 1 }, "assets/acme-favicon.svg",
						acme.assets().get("assets/acme-favicon.svg")));
		assertThat(withOtherLogo.fingerprint()).isNotEqualTo(acme.fingerprint());
	}

}

package org.consilium.tenantconfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Each kind of bad tenant file is rejected with a message naming file, path and reason,
 * never a stack trace. Every test starts from a copy of the shipped tenants and breaks
 * one thing.
 */
class TenantConfigValidationTest {

	@TempDir
	Path temp;

	Path tenants;

	@BeforeEach
	void copyShippedTenants() throws IOException {
		this.tenants = this.temp.resolve("tenants");
		try (Stream<Path> files = Files.walk(ShippedTenantsTest.TENANTS)) {
			for (Path source : files.toList()) {
				Path target = this.tenants.resolve(ShippedTenantsTest.TENANTS.relativize(source).toString());
				if (Files.isDirectory(source)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(source, target);
				}
			}
		}
	}

	@Test
	void turnaround_days_out_of_range_names_file_path_and_bounds() {
		edit("acme.yaml", "turnaroundDays: 7", "turnaroundDays: 90");
		assertThat(problems()).containsExactly("tenants/acme.yaml: workflow.turnaroundDays: must be between 1 and 60");
	}

	@Test
	void turnaround_days_that_is_not_a_number_is_rejected() {
		edit("acme.yaml", "turnaroundDays: 7", "turnaroundDays: seven");
		assertThat(problems()).containsExactly("tenants/acme.yaml: workflow.turnaroundDays: must be a whole number");
	}

	@Test
	void unknown_key_is_rejected_with_a_suggestion() {
		edit("public.yaml", "primaryColor:", "primaryColour:");
		assertThat(problems()).containsExactlyInAnyOrder("tenants/public.yaml: branding.primaryColor: is required",
				"tenants/public.yaml: branding.primaryColour: unknown key (did you mean 'primaryColor'?)");
	}

	@Test
	void unknown_top_level_key_is_rejected() {
		append("globex.yaml", "\nfeatureFlags:\n  beta: true\n");
		assertThat(problems()).containsExactly("tenants/globex.yaml: featureFlags: unknown key");
	}

	@Test
	void duplicate_slugs_across_files_are_rejected() throws IOException {
		Files.writeString(this.tenants.resolve("acme2.yaml"),
				read("acme.yaml").replace("acme.localhost", "acme2.localhost")
					.replace("urn:consilium:dev-idp:acme", "urn:consilium:dev-idp:acme2"));
		assertThat(problems()).containsExactlyInAnyOrder(
				"tenants/acme2.yaml: slug: 'acme' does not match the file name; name the file acme.yaml");
		edit("acme2.yaml", "slug: acme", "slug: acme2");
		assertThat(problems()).isEmpty();
		edit("acme2.yaml", "slug: acme2", "slug: acme");
		Files.move(this.tenants.resolve("acme2.yaml"), this.tenants.resolve("acme.yml"));
		assertThat(problems())
			.containsExactly("tenants/acme.yml: slug: 'acme' is already the slug of tenants/acme.yaml");
	}

	@Test
	void duplicate_hosts_across_tenants_are_rejected() {
		edit("globex.yaml", "hosts: [globex.localhost]", "hosts: [globex.localhost, Acme.localhost]");
		assertThat(problems())
			.containsExactly("tenants/globex.yaml: hosts[1]: 'acme.localhost' is already a host of tenants/acme.yaml");
	}

	@Test
	void host_names_with_scheme_or_port_are_rejected() {
		edit("globex.yaml", "hosts: [globex.localhost]", "hosts: [\"http://globex.localhost:8080\"]");
		assertThat(problems()).containsExactly(
				"tenants/globex.yaml: hosts[0]: 'http://globex.localhost:8080' is not a host name (no scheme, port or path)");
	}

	@Test
	void bad_colour_is_rejected_with_an_example() {
		edit("acme.yaml", "primaryColor: \"#b01e28\"", "primaryColor: red");
		assertThat(problems()).containsExactly(
				"tenants/acme.yaml: branding.primaryColor: 'red' is not a colour; write it as #rrggbb, e.g. #1a5fb4");
	}

	@Test
	void unreadable_primary_colour_is_rejected_for_contrast() {
		edit("acme.yaml", "primaryColor: \"#b01e28\"", "primaryColor: \"#ffd700\"");
		assertThat(problems()).containsExactly(
				"tenants/acme.yaml: branding.primaryColor: white text on #ffd700 has contrast 1.4:1; WCAG AA needs at least 4.5:1 to be readable");
	}

	@Test
	void missing_required_field_is_rejected() {
		edit("public.yaml", "displayName: Consilium Second Opinion\n", "");
		assertThat(problems()).containsExactly("tenants/public.yaml: displayName: is required");
	}

	@Test
	void missing_required_section_is_rejected() {
		String yaml = read("public.yaml");
		write("public.yaml",
				yaml.substring(0, yaml.indexOf("\nbilling:")) + yaml.substring(yaml.indexOf("\nworkflow:")));
		assertThat(problems()).containsExactly("tenants/public.yaml: billing: is required");
	}

	@Test
	void bad_enum_value_lists_the_allowed_values() {
		edit("public.yaml", "doctorParticipation: REQUIRED", "doctorParticipation: sometimes");
		assertThat(problems()).containsExactly(
				"tenants/public.yaml: workflow.doctorParticipation: must be one of REQUIRED, OPTIONAL, SKIPPED (was 'sometimes')");
	}

	@Test
	void enum_values_are_accepted_in_any_case() {
		edit("public.yaml", "doctorParticipation: REQUIRED", "doctorParticipation: required");
		assertThat(problems()).isEmpty();
	}

	@Test
	void missing_translation_is_rejected_for_a_two_language_tenant() {
		edit("globex.yaml", "          es: Su resultado más reciente de HbA1c, si lo conoce\n", "");
		assertThat(problems()).containsExactly(
				"tenants/globex.yaml: workflow.intakeQuestions.endocrinology[0].label.es: translation is missing");
	}

	@Test
	void unsupported_locale_is_rejected() {
		edit("globex.yaml", "locales: [en, es]", "locales: [en, fr]");
		assertThat(problems()).contains("tenants/globex.yaml: locales[1]: 'fr' is not supported (supported: en, es)");
	}

	@Test
	void intake_questions_for_a_specialty_the_tenant_does_not_offer_are_rejected() {
		edit("globex.yaml", "specialties: [cardiology, oncology, endocrinology, pediatrics]",
				"specialties: [cardiology, oncology, pediatrics]");
		assertThat(problems()).containsExactly(
				"tenants/globex.yaml: workflow.intakeQuestions.endocrinology: 'endocrinology' is not one of workflow.specialties");
	}

	@Test
	void doctor_first_delivery_without_a_doctor_is_contradictory() {
		edit("public.yaml", "doctorParticipation: REQUIRED", "doctorParticipation: SKIPPED");
		assertThat(problems()).containsExactly(
				"tenants/public.yaml: workflow.delivery: DOCTOR_FIRST needs a doctor, but doctorParticipation is SKIPPED");
	}

	@Test
	void sso_attribute_eligibility_needs_a_rule_on_the_provider() {
		edit("acme.yaml", "      eligibility:\n        attribute: employmentStatus\n        anyOf: [active]\n", "");
		assertThat(problems()).containsExactly(
				"tenants/acme.yaml: identity.saml[0].eligibility: is required because workflow.eligibility is SSO_ATTRIBUTE");
	}

	@Test
	void a_tenant_without_any_way_to_sign_in_is_rejected() {
		edit("public.yaml", "localAccounts: true", "localAccounts: false");
		assertThat(problems()).containsExactly(
				"tenants/public.yaml: identity: no way to sign in: set localAccounts to true or add a SAML provider");
	}

	@Test
	void a_tenant_idp_cannot_grant_operator_roles() {
		edit("acme.yaml", "occupational-health: CASE_COORDINATOR", "occupational-health: PLATFORM_ADMIN");
		assertThat(problems()).containsExactly(
				"tenants/acme.yaml: identity.saml[0].roleMapping.occupational-health: PLATFORM_ADMIN is an operator role; a tenant's identity provider cannot grant it");
	}

	@Test
	void an_idp_belongs_to_one_tenant_only() {
		String acme = read("acme.yaml");
		String saml = acme.substring(acme.indexOf("  saml:\n"), acme.indexOf("\nbilling:"))
			.replace("acme-sso", "globex-sso")
			.replace("      eligibility:\n        attribute: employmentStatus\n        anyOf: [active]\n", "");
		edit("globex.yaml", "  localAccounts: true\n", "  localAccounts: true\n" + saml + "\n");
		assertThat(problems()).containsExactly(
				"tenants/globex.yaml: identity.saml[0].entityId: 'urn:consilium:dev-idp:acme' is already an identity provider of tenants/acme.yaml; each identity provider belongs to one tenant");
	}

	@Test
	void copay_must_be_below_the_price() {
		edit("globex.yaml", "copay: 50.00", "copay: 900");
		assertThat(problems()).containsExactly("tenants/globex.yaml: billing.copay: must be less than every price");
	}

	@Test
	void billing_fields_that_do_not_apply_to_the_payer_are_rejected() {
		edit("acme.yaml", "employerInvoicing: MONTHLY", "employerInvoicing: MONTHLY\n  patientCharge: ON_COMPLETION");
		assertThat(problems()).containsExactly(
				"tenants/acme.yaml: billing.patientCharge: only applies when the patient pays, but payer is EMPLOYER");
	}

	@Test
	void amounts_with_more_decimals_than_the_currency_are_rejected() {
		edit("public.yaml", "default: 750.00", "default: 750.001");
		assertThat(problems()).containsExactly(
				"tenants/public.yaml: billing.prices.default: has more decimal places than USD allows (2)");
	}

	@Test
	void charging_the_card_on_submission_is_refused_with_the_processing_fee_as_the_way() {
		edit("public.yaml", "patientCharge: ON_COMPLETION", "patientCharge: ON_SUBMISSION");
		assertThat(problems()).containsExactly(
				"tenants/public.yaml: billing.patientCharge: ON_SUBMISSION is no longer supported: the card is charged on completion (ON_COMPLETION); to take money at submission, set processingFee (charged at submission, never refunded)");
	}

	@Test
	void a_processing_fee_of_zero_is_rejected() {
		edit("public.yaml", "processingFee: 25.00", "processingFee: 0");
		assertThat(problems()).containsExactly("tenants/public.yaml: billing.processingFee: must be more than zero");
	}

	@Test
	void a_negative_processing_fee_is_rejected() {
		edit("public.yaml", "processingFee: 25.00", "processingFee: -25.00");
		assertThat(problems()).containsExactly("tenants/public.yaml: billing.processingFee: must be more than zero");
	}

	@Test
	void a_processing_fee_when_the_patient_pays_nothing_is_rejected() {
		edit("acme.yaml", "employerInvoicing: MONTHLY", "employerInvoicing: MONTHLY\n  processingFee: 25.00");
		assertThat(problems()).containsExactly(
				"tenants/acme.yaml: billing.processingFee: only applies when the patient pays (it is charged to the patient's card at submission), but payer is EMPLOYER");
	}

	@Test
	void a_processing_fee_must_be_less_than_the_patient_share() {
		edit("globex.yaml", "copay: 50.00", "copay: 50.00\n  processingFee: 50.00");
		edit("public.yaml", "processingFee: 25.00", "processingFee: 750.00");
		assertThat(problems()).containsExactlyInAnyOrder(
				"tenants/globex.yaml: billing.processingFee: must be less than the patient's share on completion (50.00 USD)",
				"tenants/public.yaml: billing.processingFee: must be less than the patient's share on completion (750.00 USD)");
	}

	@Test
	void a_processing_fee_with_more_decimals_than_the_currency_is_rejected() {
		edit("public.yaml", "processingFee: 25.00", "processingFee: 25.005");
		assertThat(problems())
			.containsExactly("tenants/public.yaml: billing.processingFee: has more decimal places than USD allows (2)");
	}

	@Test
	void an_unknown_re_read_add_on_names_the_known_ones() {
		edit("public.yaml", "radiology: 150.00", "dermatology: 150.00");
		assertThat(problems()).containsExactly(
				"tenants/public.yaml: billing.rereadAddOns.dermatology: 'dermatology' is not a kind of re-read (radiology, pathology)");
	}

	@Test
	void a_negative_re_read_add_on_is_rejected() {
		edit("acme.yaml", "pathology: 300.00", "pathology: -300.00");
		assertThat(problems())
			.containsExactly("tenants/acme.yaml: billing.rereadAddOns.pathology: must be more than zero");
	}

	@Test
	void re_read_add_ons_when_nobody_pays_are_rejected() {
		edit("acme.yaml", "payer: EMPLOYER\n  employerInvoicing: MONTHLY", "payer: FREE");
		assertThat(problems()).containsExactly(
				"tenants/acme.yaml: billing.rereadAddOns: only apply when someone pays, but payer is FREE");
	}

	@Test
	void a_cancellation_percentage_above_100_is_rejected() {
		edit("acme.yaml", "inReview: 100", "inReview: 150");
		assertThat(problems())
			.containsExactly("tenants/acme.yaml: billing.cancellation.inReview: must be between 0 and 100");
	}

	@Test
	void a_negative_cancellation_percentage_is_rejected() {
		edit("globex.yaml", "afterCompletionRefund: 0", "afterCompletionRefund: -10");
		assertThat(problems()).containsExactly(
				"tenants/globex.yaml: billing.cancellation.afterCompletionRefund: must be between 0 and 100");
	}

	@Test
	void an_unknown_cancellation_key_is_rejected() {
		edit("public.yaml", "afterCompletionRefund: 0", "afterCompletionRefund: 0\n    noShow: 100");
		assertThat(problems()).containsExactly("tenants/public.yaml: billing.cancellation.noShow: unknown key");
	}

	@Test
	void a_cancellation_block_needs_all_three_percentages() {
		edit("globex.yaml", "    beforeReview: 0\n", "");
		assertThat(problems()).containsExactly(
				"tenants/globex.yaml: billing.cancellation.beforeReview: is required: give beforeReview, inReview and afterCompletionRefund (percentages 0 to 100), or leave cancellation out so that nothing is owed");
	}

	@Test
	void without_cancellation_or_add_ons_nothing_is_owed_and_nothing_added() {
		edit("acme.yaml", "  rereadAddOns:\n    pathology: 300.00\n", "");
		String acme = read("acme.yaml");
		write("acme.yaml", acme.substring(0, acme.indexOf("  # Acme pays the whole price"))
				+ acme.substring(acme.indexOf("\nworkflow:")));
		assertThat(problems()).isEmpty();
		Billing billing = new TenantConfigLoader().loadDirectory(this.tenants)
			.stream()
			.filter((tenant) -> tenant.config().slug().equals("acme"))
			.findFirst()
			.orElseThrow()
			.config()
			.billing();
		assertThat(billing.cancellation()).isEqualTo(Billing.Cancellation.NONE_OWED);
		assertThat(billing.rereadAddOns()).isEmpty();
	}

	@Test
	void a_currency_without_a_minor_unit_is_rejected() {
		edit("public.yaml", "currency: USD", "currency: XAU");
		assertThat(problems()).containsExactly(
				"tenants/public.yaml: billing.currency: 'XAU' has no minor unit, so nothing can be charged in it");
	}

	@Test
	void bad_currency_and_time_zone_are_each_reported() {
		edit("public.yaml", "currency: USD", "currency: DOLLARS");
		edit("public.yaml", "timeZone: America/New_York", "timeZone: Mars/Olympus");
		assertThat(problems()).containsExactlyInAnyOrder(
				"tenants/public.yaml: billing.currency: 'DOLLARS' is not an ISO 4217 currency code, e.g. USD",
				"tenants/public.yaml: branding.businessHours.timeZone: 'Mars/Olympus' is not a time zone, e.g. America/New_York");
	}

	@Test
	void bad_opening_hours_are_rejected() {
		edit("public.yaml", "friday: 08:00-17:00", "friday: 17:00-08:00");
		assertThat(problems()).containsExactly(
				"tenants/public.yaml: branding.businessHours.weekly.friday: '17:00-08:00' is not opening hours like 08:00-18:00 (or 'closed')");
	}

	@Test
	void missing_logo_file_is_rejected() throws IOException {
		Files.delete(this.tenants.resolve("assets/acme-logo.svg"));
		assertThat(problems())
			.containsExactly("tenants/acme.yaml: branding.logo: file 'assets/acme-logo.svg' does not exist");
	}

	@Test
	void asset_paths_cannot_leave_the_tenants_directory() {
		edit("acme.yaml", "logo: assets/acme-logo.svg", "logo: ../../etc/passwd");
		assertThat(problems()).containsExactly(
				"tenants/acme.yaml: branding.logo: must be a relative path inside the tenants directory, e.g. assets/logo.svg");
	}

	@Test
	void a_logo_that_is_not_an_image_is_rejected_by_content_not_name() throws IOException {
		Files.writeString(this.tenants.resolve("assets/acme-logo.svg"), "#!/bin/sh\necho not an image\n");
		assertThat(problems()).containsExactly(
				"tenants/acme.yaml: branding.logo: 'assets/acme-logo.svg' is not a PNG, JPEG, ICO or SVG image");
	}

	@Test
	void duplicate_keys_are_rejected() {
		edit("acme.yaml", "turnaroundDays: 7", "turnaroundDays: 7\n  turnaroundDays: 8");
		assertThat(problems()).containsExactly("tenants/acme.yaml: workflow.turnaroundDays: duplicate key");
	}

	@Test
	void malformed_yaml_is_reported_with_its_line() {
		edit("acme.yaml", "slug: acme", "slug: [acme");
		List<String> problems = problems();
		assertThat(problems).hasSize(1);
		assertThat(problems.get(0)).startsWith("tenants/acme.yaml: is not valid YAML: ").contains("at line ");
	}

	@Test
	void alias_bombs_are_refused() {
		write("acme.yaml", """
				a: &a ["x","x","x","x","x","x","x","x","x"]
				b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
				c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
				d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
				""");
		List<String> problems = problems();
		assertThat(problems).hasSize(1);
		assertThat(problems.get(0)).startsWith("tenants/acme.yaml: is not valid YAML");
	}

	@Test
	void all_problems_of_all_files_are_reported_together() {
		edit("acme.yaml", "turnaroundDays: 7", "turnaroundDays: 0");
		edit("acme.yaml", "currency: USD", "currency: usd");
		edit("globex.yaml", "accentColor: \"#9141ac\"", "accentColor: purple");
		assertThat(problems()).hasSize(3);
	}

	@Test
	void the_error_carries_the_line_number_and_no_stack_trace() {
		edit("acme.yaml", "turnaroundDays: 7", "turnaroundDays: 90");
		TenantConfigException error = catchThrowableOfType(TenantConfigException.class,
				() -> new TenantConfigLoader().loadDirectory(this.tenants));
		assertThat(error.getStackTrace()).isEmpty();
		ConfigProblem problem = error.problems().get(0);
		assertThat(read("acme.yaml").lines().toList().get(problem.line() - 1)).contains("turnaroundDays: 90");
		assertThat(error.getMessage()).isEqualTo(problem.describe());
	}

	@Test
	void message_overrides_name_known_kinds_and_placeholders_only() {
		edit("globex.yaml", "  email-verification:", "  e-mail-verification:");
		assertThat(problems()).hasSize(1)
			.allMatch((p) -> p.startsWith(
					"tenants/globex.yaml: notifications.e-mail-verification: 'e-mail-verification' is not a kind of message"));
		edit("globex.yaml", "  e-mail-verification:", "  email-verification:");
		edit("globex.yaml", "confirm your e-mail\"", "confirm {diagnosis}\"");
		assertThat(problems()).containsExactly(
				"tenants/globex.yaml: notifications.email-verification.subject.en: unknown placeholder {diagnosis} (use {programme} or {name})");
	}

	@Test
	void an_empty_directory_is_an_error_not_an_empty_platform() throws IOException {
		Path empty = Files.createDirectories(this.temp.resolve("empty"));
		assertThatThrownBy(() -> new TenantConfigLoader().loadDirectory(empty))
			.hasMessage("empty: contains no tenant files (*.yaml)");
	}

	private List<String> problems() {
		try {
			new TenantConfigLoader().loadDirectory(this.tenants);
			return List.of();
		}
		catch (TenantConfigException ex) {
			return ex.problems().stream().map(ConfigProblem::toString).toList();
		}
	}

	private void edit(String file, String from, String to) {
		String yaml = read(file);
		assertThat(yaml).as("test setup: %s contains %s", file, from).contains(from);
		write(file, yaml.replace(from, to));
	}

	private void append(String file, String text) {
		write(file, read(file) + text);
	}

	private String read(String file) {
		try {
			return Files.readString(this.tenants.resolve(file), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void write(String file, String text) {
		try {
			Files.writeString(this.tenants.resolve(file), text, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

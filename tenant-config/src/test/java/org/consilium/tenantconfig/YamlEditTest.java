package org.consilium.tenantconfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The console edits tenant files through {@link YamlEdit}; a value typed into a form must
 * be validated exactly as the same text typed into the file.
 */
class YamlEditTest {

	private final TenantConfigLoader loader = new TenantConfigLoader();

	@Test
	void unchanged_round_trip_keeps_the_configuration_and_its_comments() throws IOException {
		String yaml = shipped("acme.yaml");
		String written = YamlEdit.of(yaml).text();
		assertThat(written).contains("# Acme pays the whole price once a specialist has accepted the case.");
		assertThat(parse(written).config()).isEqualTo(parse(yaml).config());
	}

	@Test
	void set_values_are_typed_as_yaml_types_them() throws IOException {
		YamlEdit edit = YamlEdit.of(shipped("acme.yaml"))
			.set("branding.primaryColor", "#0b5394")
			.set("workflow.turnaroundDays", "12")
			.set("workflow.recordsRetrievalPartner", "false")
			.setList("workflow.specialties", List.of("cardiology", "orthopedics"));
		TenantConfig config = parse(edit.text()).config();
		assertThat(config.branding().primaryColor()).isEqualTo(new HexColor("#0b5394"));
		assertThat(config.workflow().turnaroundDays()).isEqualTo(12);
		assertThat(config.workflow().recordsRetrievalPartner()).isFalse();
		assertThat(config.workflow().specialties()).containsExactly("cardiology", "orthopedics");
	}

	@Test
	void a_bad_value_set_in_the_console_gets_the_message_the_file_would() throws IOException {
		String viaConsole = problems(YamlEdit.of(shipped("acme.yaml")).set("workflow.turnaroundDays", "seven").text());
		String viaFile = problems(shipped("acme.yaml").replace("turnaroundDays: 7", "turnaroundDays: seven"));
		assertThat(viaConsole).isEqualTo(viaFile)
			.isEqualTo("tenants/acme.yaml: workflow.turnaroundDays: must be a whole number");
	}

	@Test
	void a_string_that_looks_like_another_type_is_quoted_only_when_yaml_needs_it() throws IOException {
		YamlEdit edit = YamlEdit.of(shipped("acme.yaml"))
			.set("displayName", "true")
			.set("branding.support.phone", "+1 555");
		assertThat(edit.text()).contains("displayName: true").contains("phone: +1 555");
		assertThat(edit.scalar("branding.support.phone")).contains("+1 555");
	}

	@Test
	void blank_values_remove_optional_keys_and_sections_can_be_replaced_as_text() throws IOException {
		YamlEdit edit = YamlEdit.of(shipped("acme.yaml"))
			.set("branding.legalFooter", " ")
			.setYaml("workflow.requiredConsents",
					"- id: telemedicine\n  version: \"2026-12\"\n  text: Only my records.\n");
		assertThat(edit.has("branding.legalFooter")).isFalse();
		TenantConfig config = parse(edit.text()).config();
		assertThat(config.branding().legalFooter()).isNull();
		assertThat(config.workflow().requiredConsents()).singleElement()
			.satisfies((consent) -> assertThat(consent.version()).isEqualTo("2026-12"));
		assertThat(edit.yaml("workflow.requiredConsents")).contains("id: telemedicine");
	}

	@Test
	void setting_what_is_already_there_is_no_change_so_the_text_stays_as_written() throws IOException {
		String yaml = shipped("acme.yaml");
		YamlEdit edit = YamlEdit.of(yaml)
			.set("branding.primaryColor", "#b01e28")
			.set("workflow.turnaroundDays", "7")
			.setList("workflow.specialistPools", List.of("acme-panel"))
			.remove("no.such.key");
		assertThat(edit.changed()).isFalse();
		assertThat(edit.text()).isEqualTo(yaml);
	}

	@Test
	void diff_shows_removed_then_added_lines_with_their_numbers() {
		List<TextDiff.Line> lines = TextDiff.lines("a\nb\nc\nd", "a\nB\nc\nd\ne");
		assertThat(lines)
			.extracting(TextDiff.Line::kind, TextDiff.Line::text, TextDiff.Line::oldNumber, TextDiff.Line::newNumber)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(TextDiff.Kind.SAME, "a", 1, 1),
					org.assertj.core.groups.Tuple.tuple(TextDiff.Kind.REMOVED, "b", 2, 0),
					org.assertj.core.groups.Tuple.tuple(TextDiff.Kind.ADDED, "B", 0, 2),
					org.assertj.core.groups.Tuple.tuple(TextDiff.Kind.SAME, "c", 3, 3),
					org.assertj.core.groups.Tuple.tuple(TextDiff.Kind.SAME, "d", 4, 4),
					org.assertj.core.groups.Tuple.tuple(TextDiff.Kind.ADDED, "e", 0, 5));
		assertThat(TextDiff.changed(lines)).isTrue();
		assertThat(TextDiff.changed(TextDiff.lines("x\ny", "x\ny"))).isFalse();
	}

	private LoadedTenant parse(String yaml) {
		return this.loader.parse("tenants/acme.yaml", yaml, AssetSource.directory(ShippedTenantsTest.TENANTS));
	}

	private String problems(String yaml) {
		TenantConfigException ex = catchThrowableOfType(TenantConfigException.class, () -> parse(yaml));
		return String.join("\n", ex.problems().stream().map(ConfigProblem::toString).toList());
	}

	private static String shipped(String file) throws IOException {
		return Files.readString(ShippedTenantsTest.TENANTS.resolve(file));
	}

}

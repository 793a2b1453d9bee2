package org.consilium.console.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

import org.consilium.audit.AuditLog;
import org.consilium.audit.AuditRecord;
import org.consilium.console.ConfigConsole;
import org.consilium.console.ConfigConsole.ImportRefusedException;
import org.consilium.console.ConfigDraft;
import org.consilium.identity.ConsiliumUser;
import org.consilium.support.StripeIntegrationTest;
import org.consilium.support.TenantConfigBackup;
import org.consilium.support.Users;
import org.consilium.tenant.TenantConfigSync;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.TenantId;
import org.consilium.tenant.TenantVersions;
import org.consilium.tenant.TenantVersions.Change;
import org.consilium.tenant.TenantVersions.InvalidConfigurationException;
import org.consilium.tenant.TenantVersions.Origin;
import org.consilium.tenant.TenantVersions.StaleConfigurationException;
import org.consilium.tenant.TenantVersions.StoredVersion;
import org.consilium.tenant.Tenants;
import org.consilium.tenantconfig.ConfigProblem;
import org.consilium.tenantconfig.HexColor;
import org.consilium.tenantconfig.Role;
import org.consilium.tenantconfig.TenantConfigException;
import org.consilium.tenantconfig.TenantConfigLoader;
import org.consilium.tenantconfig.TextDiff;
import org.consilium.tenantconfig.AssetSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The console's configuration versions on a test-only programme ({@code consoleco}, put
 * back after each test): validated by the tenant files' rules with their messages, stored
 * with who and when, diffed, rolled back, exported and imported, audited, and reachable
 * by the programme's own admins only.
 */
@StripeIntegrationTest
class ConfigConsoleIT {

	static final TenantId CONSOLECO = TenantId.of("consoleco");

	static final ConsiliumUser ADMIN = Users.user("consoleco", "Ada", Role.TENANT_ADMIN);

	@Autowired
	ConfigConsole console;

	@Autowired
	TenantVersions versions;

	@Autowired
	Tenants tenants;

	@Autowired
	TenantConfigSync sync;

	@Autowired
	AuditLog audit;

	TenantConfigBackup backup;

	StoredVersion original;

	@BeforeEach
	void remember() {
		this.backup = TenantConfigBackup.take(this.versions, CONSOLECO);
		this.original = this.backup.original();
	}

	@AfterEach
	void putBack() {
		this.backup.restore();
	}

	@Test
	void a_saved_change_is_a_new_version_with_who_and_why_served_at_once_and_audited() {
		ConfigDraft draft = asAdmin(this.console::draft);
		draft.yaml().set("branding.primaryColor", "#0b5394");

		Change change = asAdmin(() -> this.console.save(draft, "New brand colour"));

		assertThat(change.stored()).isTrue();
		assertThat(change.version()).isEqualTo(this.original.version() + 1);
		assertThat(this.tenants.find(CONSOLECO).orElseThrow().config().branding().primaryColor())
			.isEqualTo(new HexColor("#0b5394"));
		assertThat(asAdmin(this.console::history).get(0)).satisfies((latest) -> {
			assertThat(latest.version()).isEqualTo(change.version());
			assertThat(latest.createdBy()).isEqualTo("Ada <Ada@consoleco.example>");
			assertThat(latest.origin()).isEqualTo(Origin.CONSOLE);
			assertThat(latest.note()).isEqualTo("New brand colour");
			assertThat(latest.current()).isTrue();
		});
		List<TextDiff.Line> diff = asAdmin(() -> this.console.changesIn(change.version()));
		assertThat(diff).filteredOn((line) -> line.kind() != TextDiff.Kind.SAME)
			.extracting(TextDiff.Line::kind, TextDiff.Line::text)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(TextDiff.Kind.REMOVED, "  primaryColor: \"#1a5fb4\""),
					org.assertj.core.groups.Tuple.tuple(TextDiff.Kind.ADDED, "  primaryColor: \"#0b5394\""));
		assertThat(TenantContext.callAs(TenantId.PLATFORM, () -> this.audit.recent(5)))
			.anySatisfy((entry) -> assertThat(entry)
				.extracting(AuditRecord::action, AuditRecord::subjectId, AuditRecord::details)
				.containsExactly("TENANT_CONFIG_CHANGED", "consoleco", "v" + this.original.version() + " -> v"
						+ change.version() + " from console by Ada <Ada@consoleco.example>"));
	}

	@Test
	void an_invalid_change_gets_the_tenant_files_message_and_stores_nothing() throws Exception {
		ConfigDraft draft = asAdmin(this.console::draft);
		draft.yaml().set("workflow.turnaroundDays", "90").set("branding.primaryColor", "#ffdd00");

		InvalidConfigurationException refused = catchThrowableOfType(InvalidConfigurationException.class,
				() -> asAdmin(() -> this.console.save(draft, null)));

		String sameFile = this.original.yaml()
			.replace("turnaroundDays: 10", "turnaroundDays: 90")
			.replace("primaryColor: \"#1a5fb4\"", "primaryColor: \"#ffdd00\"");
		assertThat(sameFile).isNotEqualTo(this.original.yaml());
		List<ConfigProblem> fromFile = catchThrowableOfType(TenantConfigException.class, () -> new TenantConfigLoader()
			.parse("tenants/consoleco.yaml", sameFile, AssetSource.of(this.original.assets()))).problems();
		assertThat(refused.problems()).extracting(ConfigProblem::toString)
			.containsExactlyElementsOf(fromFile.stream().map(ConfigProblem::toString).toList())
			.contains("tenants/consoleco.yaml: workflow.turnaroundDays: must be between 1 and 60");
		assertThat(this.versions.current(CONSOLECO).version()).isEqualTo(this.original.version());
	}

	@Test
	void a_change_made_from_an_old_version_is_refused_so_nobody_overwrites_another_admin() {
		ConfigDraft first = asAdmin(this.console::draft);
		ConfigDraft second = asAdmin(this.console::draft);
		first.yaml().set("workflow.turnaroundDays", "12");
		asAdmin(() -> this.console.save(first, null));

		second.yaml().set("workflow.turnaroundDays", "14");
		assertThatThrownBy(() -> asAdmin(() -> this.console.save(second, null)))
			.isInstanceOf(StaleConfigurationException.class);
		assertThat(this.tenants.find(CONSOLECO).orElseThrow().config().workflow().turnaroundDays()).isEqualTo(12);
	}

	@Test
	void rollback_adds_a_version_equal_to_the_earlier_one_and_an_unchanged_save_adds_none() {
		ConfigDraft draft = asAdmin(this.console::draft);
		draft.yaml().set("workflow.turnaroundDays", "20");
		Change changed = asAdmin(() -> this.console.save(draft, null));

		Change rolledBack = asAdmin(() -> this.console.rollBackTo(this.original.version(), changed.version()));

		assertThat(rolledBack.version()).isEqualTo(changed.version() + 1);
		assertThat(this.versions.current(CONSOLECO).yaml()).isEqualTo(this.original.yaml());
		assertThat(this.versions.history(CONSOLECO).get(0).origin()).isEqualTo(Origin.ROLLBACK);
		assertThat(this.tenants.find(CONSOLECO).orElseThrow().config().workflow().turnaroundDays()).isEqualTo(10);
		ConfigDraft untouched = asAdmin(this.console::draft);
		assertThat(asAdmin(() -> this.console.save(untouched, null)).stored()).isFalse();
	}

	@Test
	void the_tenant_files_do_not_undo_a_console_edit_when_the_file_has_not_changed() {
		ConfigDraft draft = asAdmin(this.console::draft);
		draft.yaml().set("displayName", "Consoleco Opinions");
		Change change = asAdmin(() -> this.console.save(draft, null));

		this.sync.syncFromFiles("test");

		assertThat(this.versions.current(CONSOLECO).version()).isEqualTo(change.version());
		assertThat(this.tenants.find(CONSOLECO).orElseThrow().config().displayName()).isEqualTo("Consoleco Opinions");
	}

	@Test
	void export_then_import_of_an_edited_file_is_validated_and_stored_as_an_import() {
		ConfigConsole.Export export = asAdmin(this.console::export);
		assertThat(export.fileName()).isEqualTo("consoleco.yaml");
		assertThat(export.yaml()).isEqualTo(this.original.yaml());

		byte[] edited = export.yaml()
			.replace("turnaroundDays: 10", "turnaroundDays: 8")
			.getBytes(StandardCharsets.UTF_8);
		ConfigDraft imported = asAdmin(() -> this.console.readImport(edited));
		assertThat(asAdmin(() -> this.console.check(imported)).valid()).isTrue();
		asAdmin(() -> this.console.save(imported, "from git"));

		assertThat(this.versions.history(CONSOLECO).get(0).origin()).isEqualTo(Origin.IMPORT);
		assertThat(this.tenants.find(CONSOLECO).orElseThrow().config().workflow().turnaroundDays()).isEqualTo(8);
	}

	@Test
	void an_import_that_is_not_this_programmes_file_is_refused_with_a_reason() {
		assertThat(catchThrowableOfType(ImportRefusedException.class,
				() -> asAdmin(() -> this.console.readImport(new byte[] { (byte) 0xff, (byte) 0xd8, 0, 1 })))
			.messageKey()).isEqualTo("console.import.not-text");
		assertThat(catchThrowableOfType(ImportRefusedException.class,
				() -> asAdmin(() -> this.console.readImport(new byte[0])))
			.messageKey()).isEqualTo("console.import.empty");
		assertThat(catchThrowableOfType(InvalidConfigurationException.class,
				() -> asAdmin(() -> this.console.readImport("slug: [consoleco\n".getBytes(StandardCharsets.UTF_8))))
			.problems()).extracting(ConfigProblem::toString)
			.singleElement()
			.asString()
			.startsWith("tenants/consoleco.yaml: is not valid YAML");

		ConfigDraft otherSlug = asAdmin(() -> this.console.readImport(
				this.original.yaml().replace("slug: consoleco", "slug: acme").getBytes(StandardCharsets.UTF_8)));
		assertThat(asAdmin(() -> this.console.check(otherSlug)).problems()).extracting(ConfigProblem::toString)
			.contains("tenants/consoleco.yaml: slug: 'acme' does not match the file name; name the file acme.yaml");

		ConfigDraft acmeHost = asAdmin(() -> this.console.readImport(this.original.yaml()
			.replace("hosts: [consoleco.localhost]", "hosts: [consoleco.localhost, acme.localhost]")
			.getBytes(StandardCharsets.UTF_8)));
		assertThat(asAdmin(() -> this.console.check(acmeHost)).problems()).extracting(ConfigProblem::toString)
			.containsExactly(
					"tenants/consoleco.yaml: hosts[1]: 'acme.localhost' is already a host of tenants/acme.yaml");
		assertThatThrownBy(() -> asAdmin(() -> this.console.save(acmeHost, null)))
			.isInstanceOf(InvalidConfigurationException.class);
		assertThat(this.versions.current(CONSOLECO).version()).isEqualTo(this.original.version());
	}

	@Test
	void only_the_programmes_own_tenant_admins_reach_its_configuration() {
		ConsiliumUser acmeAdmin = Users.user("acme", "Eve", Role.TENANT_ADMIN);
		ConsiliumUser patient = Users.user("consoleco", "Pat", Role.PATIENT);
		ConsiliumUser platformAdmin = Users.operator("Olga", Role.PLATFORM_ADMIN);

		assertThatThrownBy(() -> TenantContext.callAs(CONSOLECO, () -> Users.as(acmeAdmin, this.console::draft)))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> TenantContext.callAs(CONSOLECO, () -> Users.as(patient, this.console::history)))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> TenantContext.callAs(CONSOLECO, () -> Users.as(platformAdmin, this.console::export)))
			.isInstanceOf(AccessDeniedException.class);
		// An acme admin on acme's site sees acme's configuration, never consoleco's.
		String acmeExport = TenantContext.callAs(TenantId.of("acme"),
				() -> Users.as(acmeAdmin, this.console::export).yaml());
		assertThat(acmeExport).contains("slug: acme").doesNotContain("consoleco");
	}

	private <T> T asAdmin(Supplier<T> work) {
		return TenantContext.callAs(CONSOLECO, () -> Users.as(ADMIN, work));
	}

}

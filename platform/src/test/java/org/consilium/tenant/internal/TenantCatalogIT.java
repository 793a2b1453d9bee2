package org.consilium.tenant.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.consilium.audit.AuditLog;
import org.consilium.audit.AuditRecord;
import org.consilium.support.IntegrationTest;
import org.consilium.support.TestDatabase;
import org.consilium.tenant.Site;
import org.consilium.tenant.TenantConfigAdministration;
import org.consilium.tenant.TenantConfigSync;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.TenantId;
import org.consilium.tenant.TenantSyncReport;
import org.consilium.tenant.Tenants;
import org.consilium.tenantconfig.AssetSource;
import org.consilium.tenantconfig.LoadedTenant;
import org.consilium.tenantconfig.TenantConfigLoader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tenant files are loaded into PostgreSQL idempotently: a changed file becomes a new
 * stored version and is served without a restart; an invalid change is reported and
 * changes nothing. Works on a copy of the shipped files plus a test-only tenant, so the
 * demo tenants stay as shipped.
 */
@IntegrationTest
class TenantCatalogIT {

	static final Path FILES = copyOfShippedTenants();

	static final TenantId INITECH = TenantId.of("initech");

	@DynamicPropertySource
	static void tenantsDirectory(DynamicPropertyRegistry registry) {
		registry.add("consilium.tenancy.tenants-directory", FILES::toString);
	}

	@Autowired
	TenantConfigSync sync;

	@Autowired
	Tenants tenants;

	@Autowired
	AuditLog audit;

	@Autowired
	TenantConfigAdministration administration;

	@Autowired
	PlatformTransactionManager transactionManager;

	TransactionTemplate transactions;

	final JdbcTemplate admin = TestDatabase.get().adminJdbc();

	@BeforeEach
	void resetInitech() {
		this.transactions = new TransactionTemplate(this.transactionManager);
		write("initech.yaml",
				read("public.yaml").replace("slug: public", "slug: initech")
					.replace("public.localhost", "initech.localhost")
					.replace("Consilium Second Opinion", "Initech Second Opinion"));
		this.sync.syncFromFiles("test-reset");
	}

	@Test
	void loading_unchanged_files_again_stores_nothing_new() {
		int versions = versionCount(INITECH);
		TenantSyncReport report = this.sync.syncFromFiles("test");
		assertThat(report.applied()).isTrue();
		assertThat(report.created()).isEmpty();
		assertThat(report.updated()).isEmpty();
		assertThat(report.unchanged()).contains("public", "acme", "globex", "initech");
		assertThat(versionCount(INITECH)).isEqualTo(versions);
	}

	@Test
	void a_changed_file_becomes_a_new_version_served_without_restart_and_audited() {
		int before = this.tenants.find(INITECH).orElseThrow().version();
		edit("initech.yaml", "turnaroundDays: 10", "turnaroundDays: 12");
		TenantSyncReport report = this.sync.syncFromFiles("test-admin");
		assertThat(report.updated()).containsExactly("initech");
		assertThat(this.tenants.find(INITECH).orElseThrow().version()).isEqualTo(before + 1);
		assertThat(this.tenants.find(INITECH).orElseThrow().config().workflow().turnaroundDays()).isEqualTo(12);
		assertThat(this.admin.queryForObject(
				"select created_by from tenant_config_version where tenant_id = 'initech' and version = ?",
				String.class, before + 1))
			.isEqualTo("test-admin");
		assertThat(TenantContext.callAs(TenantId.PLATFORM, () -> this.audit.recent(5)))
			.extracting(AuditRecord::action, AuditRecord::subjectId)
			.contains(org.assertj.core.groups.Tuple.tuple("TENANT_CONFIG_CHANGED", "initech"));
	}

	@Test
	void a_changed_logo_alone_is_a_new_version() {
		int before = this.tenants.find(INITECH).orElseThrow().version();
		write("assets/public-logo.svg", read("assets/public-logo.svg").replace("Consilium", "Consilium!"));
		try {
			assertThat(this.sync.syncFromFiles("test").updated()).contains("initech", "public");
			assertThat(this.tenants.find(INITECH).orElseThrow().version()).isEqualTo(before + 1);
		}
		finally {
			write("assets/public-logo.svg", read("assets/public-logo.svg").replace("Consilium!", "Consilium"));
			this.sync.syncFromFiles("test-restore");
		}
	}

	@Test
	void an_invalid_change_is_reported_and_nothing_is_applied() {
		int before = this.tenants.find(INITECH).orElseThrow().version();
		edit("initech.yaml", "turnaroundDays: 10", "turnaroundDays: 99");
		edit("initech.yaml", "Initech Second Opinion", "Initech Renamed");
		TenantSyncReport report = this.sync.syncFromFiles("test");
		assertThat(report.applied()).isFalse();
		assertThat(report.problems())
			.anyMatch((p) -> p.startsWith("tenants/initech.yaml: workflow.turnaroundDays: must be between 1 and 60"));
		assertThat(this.tenants.find(INITECH).orElseThrow().version()).isEqualTo(before);
		assertThat(this.tenants.find(INITECH).orElseThrow().config().displayName()).isEqualTo("Initech Second Opinion");
	}

	@Test
	void a_tenant_cannot_claim_the_operator_host() {
		edit("initech.yaml", "hosts: [initech.localhost]", "hosts: [initech.localhost, ops.localhost]");
		TenantSyncReport report = this.sync.syncFromFiles("test");
		assertThat(report.applied()).isFalse();
		assertThat(report.problems())
			.anyMatch((p) -> p.contains("'ops.localhost' is a host of the installation itself"));
		assertThat(this.tenants.siteFor("ops.localhost")).isInstanceOf(Site.OperatorSite.class);
	}

	@Test
	void a_file_cannot_claim_the_host_of_a_programme_made_outside_the_files() {
		String slug = "hooli" + Long.toString(System.nanoTime(), 36);
		String yaml = read("public.yaml").replace("slug: public", "slug: " + slug)
			.replace("public.localhost", slug + ".localhost");
		LoadedTenant made = new TenantConfigLoader().parse("tenants/" + slug + ".yaml", yaml,
				AssetSource.directory(FILES));
		// As the platform admin's onboarding does: in a transaction of the operator's
		// partition.
		TenantContext.runAs(TenantId.PLATFORM, () -> this.transactions
			.executeWithoutResult((status) -> this.administration.create(made, "test", "platform admin")));
		edit("initech.yaml", "hosts: [initech.localhost]", "hosts: [initech.localhost, " + slug + ".localhost]");

		TenantSyncReport report = this.sync.syncFromFiles("test");

		assertThat(report.applied()).isFalse();
		assertThat(report.problems()).containsExactly("tenants/initech.yaml: hosts[1]: '" + slug
				+ ".localhost' is already a host of tenants/" + slug + ".yaml");
		assertThat(this.tenants.siteFor(slug + ".localhost")).isInstanceOfSatisfying(Site.TenantSite.class,
				(site) -> assertThat(site.tenant().id()).isEqualTo(TenantId.of(slug)));
	}

	@Test
	void a_new_file_creates_a_tenant_whose_host_then_resolves() {
		assertThat(this.tenants.siteFor("initech.localhost")).isInstanceOfSatisfying(Site.TenantSite.class,
				(site) -> assertThat(site.tenant().id()).isEqualTo(INITECH));
		assertThat(this.admin.queryForObject("select count(*) from tenant where tenant_id = 'initech'", Integer.class))
			.isEqualTo(1);
	}

	private int versionCount(TenantId tenant) {
		return this.admin.queryForObject("select count(*) from tenant_config_version where tenant_id = ?",
				Integer.class, tenant.value());
	}

	private static Path copyOfShippedTenants() {
		try {
			Path target = Files.createTempDirectory("consilium-tenants").resolve("tenants");
			Path source = Path.of("..", "tenant-config", "tenants");
			try (Stream<Path> files = Files.walk(source)) {
				for (Path file : files.toList()) {
					Path copy = target.resolve(source.relativize(file).toString());
					if (Files.isDirectory(file)) {
						Files.createDirectories(copy);
					}
					else {
						Files.copy(file, copy);
					}
				}
			}
			return target;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void edit(String file, String from, String to) {
		String text = read(file);
		assertThat(text).contains(from);
		write(file, text.replace(from, to));
	}

	private static String read(String file) {
		try {
			return Files.readString(FILES.resolve(file));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void write(String file, String text) {
		try {
			Files.writeString(FILES.resolve(file), text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

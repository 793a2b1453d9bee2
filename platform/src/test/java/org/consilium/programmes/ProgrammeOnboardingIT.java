package org.consilium.programmes;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.mail.internet.MimeMessage;
import org.consilium.audit.AuditLog;
import org.consilium.audit.AuditRecord;
import org.consilium.identity.internal.AccountViews;
import org.consilium.programmes.ProgrammeAdministration.Problem;
import org.consilium.support.IntegrationTest;
import org.consilium.support.TestDatabase;
import org.consilium.support.TestMail;
import org.consilium.support.TestPasswords;
import org.consilium.support.Users;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.TenantId;
import org.consilium.tenantconfig.AssetSource;
import org.consilium.tenantconfig.ConfigProblem;
import org.consilium.tenantconfig.Role;
import org.consilium.tenantconfig.TenantConfigException;
import org.consilium.tenantconfig.TenantConfigLoader;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A platform admin creates a programme: catalog rows only (no DDL), its host answers at
 * once, its first admin gets a working link by e-mail; a bad entry gets the tenant-config
 * loader's own message and stores nothing. Every programme made here has a unique slug
 * and a {@code <slug>.localhost} host, and is left active, since the catalog is shared by
 * the whole run.
 */
@IntegrationTest
class ProgrammeOnboardingIT {

	private static final Logger log = LoggerFactory.getLogger(ProgrammeOnboardingIT.class);

	static final String PASSWORD = TestPasswords.generate();

	@Autowired
	ProgrammeAdministration programmes;

	@Autowired
	AccountViews accounts;

	@Autowired
	AuditLog audit;

	@Autowired
	MockMvc mvc;

	final JdbcTemplate admin = TestDatabase.get().adminJdbc();

	@Test
	void a_platform_admin_creates_a_programme_that_answers_on_its_host_and_invites_its_first_admin() throws Exception {
		String slug = newSlug();
		String email = "first-admin@" + slug + ".example";
		int relations = relations();
		long started = System.nanoTime();
		Map<String, List<Problem>> problems = asPlatformAdmin(() -> this.programmes.create(
				new NewProgramme(slug, "Initrode " + slug, List.of(slug + ".localhost", "www." + slug + ".localhost"),
						List.of("en", "es"), "Olga Okafor", email),
				Locale.ENGLISH));
		log.info("Onboarding of {} took {} ms (service call, one transaction)", slug,
				(System.nanoTime() - started) / 1_000_000);
		assertThat(problems).isEmpty();

		assertThat(this.admin
			.queryForMap("select status, current_version, display_name from tenant where tenant_id = ?", slug))
			.containsEntry("status", "ACTIVE")
			.containsEntry("current_version", 1)
			.containsEntry("display_name", "Initrode " + slug);
		assertThat(this.admin.queryForMap(
				"select source_name, created_by from tenant_config_version where tenant_id = ? and version = 1", slug))
			.containsEntry("source_name", "tenants/" + slug + ".yaml")
			.containsEntry("created_by", "programmes-admin@ops.example");
		assertThat(
				this.admin.queryForObject("select count(*) from tenant_asset where tenant_id = ?", Integer.class, slug))
			.isEqualTo(1);
		assertThat(relations()).as("no table, index or sequence was created").isEqualTo(relations);

		// The host is served right away, with the programme's own assets.
		this.mvc.perform(on(slug + ".localhost", get("/branding/logo")))
			.andExpect(status().isOk())
			.andExpect((result) -> assertThat(result.getResponse().getContentAsString()).contains("<svg"));
		this.mvc.perform(on("www." + slug + ".localhost", get("/.well-known/openid-configuration")))
			.andExpect(status().isOk());

		MimeMessage mail = TestMail.get().awaitSubject(email, "You are the administrator of Initrode " + slug);
		String link = TestMail.link(mail, "/reset-password?token=");
		// On the programme's own host (the operator site's scheme and port), not the
		// operator's.
		assertThat(link).startsWith("http://" + slug + ".localhost").contains("/reset-password?token=");
		String token = link.substring(link.indexOf("token=") + "token=".length());
		assertThat(onSite(slug, () -> this.accounts.resetPassword(token, PASSWORD))).isEmpty();
		assertThat(onSite(slug, () -> this.accounts.resetPassword(token, PASSWORD + " again")))
			.as("the link works once")
			.containsKey("token");

		MockHttpSession session = signIn(slug, email, PASSWORD);
		// Signed in with the password; the second factor is still to be set up.
		this.mvc.perform(on(slug + ".localhost", get("/api/v1/cases")).session(session))
			.andExpect(status().isForbidden());
		assertThat(actions(slug)).contains("TENANT_CREATED", "TENANT_ADMIN_INVITED", "PASSWORD_RESET",
				"SIGN_IN_PASSWORD_OK_MFA_DUE");
		assertThat(asPlatformAdmin(this.programmes::programmes)).contains(new ProgrammeAdministration.Programme(slug,
				"Initrode " + slug, List.of(slug + ".localhost", "www." + slug + ".localhost"), true, 1));
	}

	@Test
	void a_bad_slug_gets_the_message_a_tenant_file_gets_and_nothing_is_stored() throws Exception {
		String yaml = Files.readString(Path.of("..", "tenant-config", "tenants", "public.yaml"))
			.replace("slug: public", "slug: Bad_Slug");
		String fileMessage = fileProblem(yaml, "slug");
		Map<String, List<Problem>> problems = create("Bad_Slug", List.of("bad-slug.localhost"), "a@bad-slug.example");
		assertThat(reasons(problems, ProgrammeAdministration.SLUG)).containsExactly(fileMessage)
			.containsExactly("must be 2 to 32 lower-case letters, digits or '-', starting with a letter");
		assertThat(problems.get(ProgrammeAdministration.SLUG).get(0).messageKey())
			.isEqualTo("programmes.problem.config");
		assertThat(create("ops", List.of("ops-x.localhost"), "a@ops-x.example").get(ProgrammeAdministration.SLUG))
			.extracting(Problem::reason)
			.containsExactly("'ops' is reserved for the platform");
	}

	@Test
	void a_taken_slug_or_host_is_refused_as_between_two_files_and_nothing_is_stored() {
		assertThat(reasons(create("acme", List.of("acme-two.localhost"), "a@acme-two.example"),
				ProgrammeAdministration.SLUG))
			.containsExactly("'acme' is already the slug of tenants/acme.yaml");
		String slug = newSlug();
		assertThat(reasons(create(slug, List.of(slug + ".localhost", "acme.localhost"), "a@" + slug + ".example"),
				ProgrammeAdministration.HOSTS))
			.containsExactly("'acme.localhost' is already a host of tenants/acme.yaml");
		assertThat(reasons(create(slug, List.of("ops.localhost"), "a@" + slug + ".example"),
				ProgrammeAdministration.HOSTS))
			.containsExactly("'ops.localhost' is a host of the installation itself (operator or bare host)");
		assertThat(reasons(create(slug, List.of("http://" + slug + ".localhost/"), "a@" + slug + ".example"),
				ProgrammeAdministration.HOSTS))
			.containsExactly("'http://" + slug + ".localhost/' is not a host name (no scheme, port or path)");
		assertThat(stored(slug)).isZero();
		assertThat(this.admin.queryForObject("select count(*) from tenant where tenant_id = 'acme'", Integer.class))
			.isOne();
	}

	@Test
	void an_invalid_admin_address_is_refused_and_the_catalog_rows_already_written_roll_back() throws Exception {
		String slug = newSlug();
		assertThat(reasons(create(slug, List.of(slug + ".localhost"), "not-an-address"),
				ProgrammeAdministration.ADMIN_EMAIL))
			.as("the tenant file's own check of the support address")
			.containsExactly("'not-an-address' is not an e-mail address");
		// Valid for a tenant file, not for an account: found after the catalog rows are
		// written, in the same transaction.
		Map<String, List<Problem>> problems = create(slug, List.of(slug + ".localhost"), "first@admin.x");
		assertThat(problems.get(ProgrammeAdministration.ADMIN_EMAIL)).extracting(Problem::messageKey)
			.containsExactly("register.email.invalid");
		assertThat(stored(slug)).isZero();
		assertThat(this.admin.queryForObject("select count(*) from tenant_config_version where tenant_id = ?",
				Integer.class, slug))
			.isZero();
		assertThat(
				this.admin.queryForObject("select count(*) from user_account where tenant_id = ?", Integer.class, slug))
			.isZero();
		this.mvc.perform(on(slug + ".localhost", get("/branding/logo"))).andExpect(status().isNotFound());
		assertThat(TestMail.get().to("first@admin.x")).isEmpty();
	}

	@Test
	void only_a_platform_admin_may_create_suspend_or_list_programmes() {
		NewProgramme programme = new NewProgramme(newSlug(), "Nope", List.of("nope.localhost"), List.of("en"), "No One",
				"no@nope.example");
		for (var user : List.of(Users.operator("programmes-triage", Role.TRIAGE),
				Users.user("acme", "programmes-tenant-admin", Role.TENANT_ADMIN))) {
			assertThatThrownBy(() -> Users.as(user, () -> this.programmes.create(programme, Locale.ENGLISH)))
				.isInstanceOf(AccessDeniedException.class);
			assertThatThrownBy(() -> Users.as(user, () -> this.programmes.suspend(TenantId.of("acme"), "because")))
				.isInstanceOf(AccessDeniedException.class);
			assertThatThrownBy(() -> Users.as(user, this.programmes::programmes))
				.isInstanceOf(AccessDeniedException.class);
		}
		assertThat(stored(programme.slug())).isZero();
	}

	private Map<String, List<Problem>> create(String slug, List<String> hosts, String email) {
		return asPlatformAdmin(() -> this.programmes.create(
				new NewProgramme(slug, "Programme " + slug, hosts, List.of("en"), "Pat Admin", email), Locale.ENGLISH));
	}

	private int stored(String slug) {
		return this.admin.queryForObject("select count(*) from tenant where tenant_id = ?", Integer.class, slug);
	}

	private int relations() {
		return this.admin.queryForObject("select count(*) from pg_class where relnamespace = 'public'::regnamespace",
				Integer.class);
	}

	private MockHttpSession signIn(String slug, String email, String password) throws Exception {
		MvcResult result = this.mvc
			.perform(on(slug + ".localhost", post("/login")).param("username", email)
				.param("password", password)
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		assertThat(result.getResponse().getRedirectedUrl()).doesNotContain("error");
		return (MockHttpSession) result.getRequest().getSession(false);
	}

	private List<String> actions(String slug) {
		return TenantContext.callAs(TenantId.of(slug), () -> this.audit.recent(20))
			.stream()
			.map(AuditRecord::action)
			.toList();
	}

	static String newSlug() {
		return "onb-" + UUID.randomUUID().toString().substring(0, 8);
	}

	static <T> T asPlatformAdmin(Supplier<T> work) {
		return Users.as(Users.operator("programmes-admin", Role.PLATFORM_ADMIN), work);
	}

	private static List<String> reasons(Map<String, List<Problem>> problems, String field) {
		assertThat(problems).containsKey(field);
		return problems.get(field).stream().map(Problem::reason).toList();
	}

	/** What the tenant-config loader says about a file, at one path. */
	private static String fileProblem(String yaml, String path) {
		try {
			new TenantConfigLoader().parse("tenants/public.yaml", yaml,
					AssetSource.directory(Path.of("..", "tenant-config", "tenants")));
			throw new AssertionError("the file is valid");
		}
		catch (TenantConfigException ex) {
			return ex.problems()
				.stream()
				.filter((problem) -> problem.path().equals(path))
				.map(ConfigProblem::reason)
				.findFirst()
				.orElseThrow();
		}
	}

	/**
	 * Runs as a request to the programme's site would: its tenant, its host for links.
	 */
	static <T> T onSite(String tenant, Supplier<T> work) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setServerName(tenant + ".localhost");
		request.setServerPort(8080);
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
		try {
			return TenantContext.callAs(TenantId.of(tenant), work);
		}
		finally {
			RequestContextHolder.resetRequestAttributes();
		}
	}

	static MockHttpServletRequestBuilder on(String host, MockHttpServletRequestBuilder request) {
		return request.with((r) -> {
			r.setServerName(host);
			return r;
		});
	}

}

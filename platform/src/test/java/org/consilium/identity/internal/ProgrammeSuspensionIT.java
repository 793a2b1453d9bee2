package org.consilium.identity.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.consilium.audit.AuditLog;
import org.consilium.audit.AuditRecord;
import org.consilium.programmes.NewProgramme;
import org.consilium.programmes.ProgrammeAdministration;
import org.consilium.support.IntegrationTest;
import org.consilium.support.TestDatabase;
import org.consilium.support.TestPasswords;
import org.consilium.support.TestMail;
import org.consilium.support.Users;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.TenantId;
import org.consilium.tenantconfig.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Suspending a programme signs its users out for good (their sessions end, not just
 * wait), voids its API tokens, and shows the suspended page on its host; its data stays.
 * Reactivating it brings the site back, and everyone signs in again. The programmes are
 * made for the test (never a demo programme), with unique slugs.
 */
@IntegrationTest
class ProgrammeSuspensionIT {

	static final String SECRET = "a-long-client-secret-for-tests";

	@Autowired
	ProgrammeAdministration programmes;

	@Autowired
	AccountService accounts;

	@Autowired
	ApiClients clients;

	@Autowired
	AuditLog audit;

	@Autowired
	MockMvc mvc;

	final JdbcTemplate admin = TestDatabase.get().adminJdbc();

	final ObjectMapper json = new ObjectMapper();

	@Test
	void suspending_signs_everyone_out_closes_the_site_and_keeps_the_data_until_reactivated() throws Exception {
		String slug = newProgramme();
		String host = slug + ".localhost";
		MockHttpSession adminSession = signInFirstAdmin(slug);
		MockHttpSession patient = session(slug, "suspension-patient");
		this.mvc.perform(on(host, get("/api/v1/cases")).session(patient)).andExpect(status().isOk());
		MockHttpSession idle = session(slug, "idle-patient");
		this.mvc.perform(on(host, get("/api/v1/cases")).session(idle)).andExpect(status().isOk());
		String clientId = slug + "-partner";
		TenantContext.runAs(TenantId.of(slug),
				() -> this.clients.register(clientId, SECRET, "Partner", List.of("cases.read")));
		String oldToken = token(host, clientId);
		this.mvc.perform(on(host, get("/api/v1/cases")).header(HttpHeaders.AUTHORIZATION, "Bearer " + oldToken))
			.andExpect(status().isOk());

		assertThat(asPlatformAdmin(() -> this.programmes.suspend(TenantId.of(slug), " ")))
			.containsKey(ProgrammeAdministration.REASON);
		assertThat(asPlatformAdmin(() -> this.programmes.suspend(TenantId.of(slug), "Contract ended on 30 November")))
			.isEmpty();

		MvcResult page = this.mvc.perform(on(host, get("/")).session(patient).header("Accept-Language", "en"))
			.andExpect(status().isServiceUnavailable())
			.andReturn();
		assertThat(page.getResponse().getContentAsString()).contains("<h1>This programme is unavailable</h1>")
			.doesNotContain("Suspendable " + slug);
		assertThat(patient.isInvalid()).as("the session ended, not merely refused").isTrue();
		this.mvc.perform(on(host, get("/api/v1/cases")).session(adminSession))
			.andExpect(status().isServiceUnavailable());
		assertThat(adminSession.isInvalid()).isTrue();
		this.mvc.perform(on(host, get("/api/v1/cases")).header(HttpHeaders.AUTHORIZATION, "Bearer " + oldToken))
			.andExpect(status().isServiceUnavailable());
		this.mvc
			.perform(on(host, post("/oauth2/token")).with(httpBasic(clientId, SECRET))
				.param("grant_type", "client_credentials"))
			.andExpect(status().isServiceUnavailable());

		// Data kept.
		assertThat(this.admin.queryForObject("select status from tenant where tenant_id = ?", String.class, slug))
			.isEqualTo("SUSPENDED");
		assertThat(
				this.admin.queryForObject("select count(*) from user_account where tenant_id = ?", Integer.class, slug))
			.isOne();
		assertThat(
				this.admin.queryForObject("select count(*) from api_client where tenant_id = ?", Integer.class, slug))
			.isOne();
		assertThat(recent(slug)).anySatisfy((entry) -> {
			assertThat(entry.action()).isEqualTo("PROGRAMME_SUSPENDED");
			assertThat(entry.details()).isEqualTo("Contract ended on 30 November");
			assertThat(entry.actor()).isEqualTo("programmes-admin@ops.example");
		});
		assertThat(asPlatformAdmin(() -> this.programmes.suspend(TenantId.of(slug), "twice")))
			.containsKey(ProgrammeAdministration.FORM);

		assertThat(asPlatformAdmin(() -> this.programmes.reactivate(TenantId.of(slug)))).isEmpty();
		// A session that sent nothing while the programme was suspended (or went to
		// another
		// node) ends at its next request all the same.
		this.mvc.perform(on(host, get("/api/v1/cases")).session(idle)).andExpect(status().isUnauthorized());
		assertThat(idle.isInvalid()).isTrue();
		this.mvc.perform(on(host, get("/api/v1/cases")).header(HttpHeaders.AUTHORIZATION, "Bearer " + oldToken))
			.andExpect(status().isUnauthorized());
		Thread.sleep(1_100); // a token's issue time has whole seconds
		String newToken = token(host, clientId);
		this.mvc.perform(on(host, get("/api/v1/cases")).header(HttpHeaders.AUTHORIZATION, "Bearer " + newToken))
			.andExpect(status().isOk());
		MockHttpSession fresh = session(slug, "returning-patient");
		this.mvc.perform(on(host, get("/api/v1/cases")).session(fresh)).andExpect(status().isOk());
		assertThat(recent(slug)).extracting(AuditRecord::action).contains("PROGRAMME_REACTIVATED");
	}

	@Test
	void a_programme_is_suspended_only_by_a_platform_admin_with_a_reason() {
		String slug = newProgramme();
		assertThat(asPlatformAdmin(() -> this.programmes.suspend(TenantId.of(slug), ""))).containsEntry(
				ProgrammeAdministration.REASON,
				List.of(ProgrammeAdministration.Problem.of("programmes.suspend.reason.required")));
		assertThat(this.admin.queryForObject("select status from tenant where tenant_id = ?", String.class, slug))
			.isEqualTo("ACTIVE");
		assertThat(asPlatformAdmin(() -> this.programmes.reactivate(TenantId.of(slug))))
			.as("an active programme is not reactivated")
			.containsKey(ProgrammeAdministration.FORM);
	}

	private String newProgramme() {
		String slug = "sus-" + UUID.randomUUID().toString().substring(0, 8);
		assertThat(asPlatformAdmin(
				() -> this.programmes.create(new NewProgramme(slug, "Suspendable " + slug, List.of(slug + ".localhost"),
						List.of("en"), "Sam Admin", "admin@" + slug + ".example"), Locale.ENGLISH)))
			.isEmpty();
		return slug;
	}

	/** The invited admin sets a password and signs in (second factor still due). */
	private MockHttpSession signInFirstAdmin(String slug) throws Exception {
		String email = "admin@" + slug + ".example";
		String link = TestMail.get().awaitLink(email, "/reset-password?token=");
		String token = link.substring(link.indexOf("token=") + "token=".length());
		String password = TestPasswords.generate();
		assertThat(onSite(slug, () -> this.accounts.resetPassword(token, password))).isEmpty();
		MvcResult result = this.mvc
			.perform(on(slug + ".localhost", post("/login")).param("username", email)
				.param("password", password)
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		assertThat(result.getResponse().getRedirectedUrl()).doesNotContain("error");
		return (MockHttpSession) result.getRequest().getSession(false);
	}

	/** A signed-in patient's session, as sign-in leaves it. */
	private static MockHttpSession session(String slug, String name) {
		MockHttpSession session = new MockHttpSession();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(Users.authentication(Users.user(slug, name, Role.PATIENT)));
		session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
		return session;
	}

	private String token(String host, String clientId) throws Exception {
		String body = this.mvc
			.perform(on(host, post("/oauth2/token")).with(httpBasic(clientId, SECRET))
				.param("grant_type", "client_credentials")
				.param("scope", "cases.read"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return (String) this.json.readValue(body, Map.class).get("access_token");
	}

	private List<AuditRecord> recent(String slug) {
		return TenantContext.callAs(TenantId.of(slug), () -> this.audit.recent(20));
	}

	private static <T> T asPlatformAdmin(Supplier<T> work) {
		return Users.as(Users.operator("programmes-admin", Role.PLATFORM_ADMIN), work);
	}

	private static <T> T onSite(String tenant, Supplier<T> work) {
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

	private static MockHttpServletRequestBuilder on(String host, MockHttpServletRequestBuilder request) {
		return request.with((r) -> {
			r.setServerName(host);
			return r;
		});
	}

}

package org.consilium.identity.internal;

import jakarta.servlet.http.HttpSession;
import org.consilium.audit.AuditLog;
import org.consilium.audit.AuditRecord;
import org.consilium.support.IntegrationTest;
import org.consilium.support.Users;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.TenantId;
import org.consilium.tenantconfig.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A session or sign-in from one site is worthless on another: the session is bound to the
 * site it was created on, and a principal to its tenant (or to the operator site).
 */
@IntegrationTest
class CrossSiteSessionIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	AuditLog audit;

	@Test
	void a_signed_in_session_of_public_is_refused_on_acme_and_on_the_operator_site() throws Exception {
		MockHttpSession session = signIn("public.localhost", "patient@public.example");
		this.mvc.perform(on("public.localhost", get("/api/v1/cases")).session(session)).andExpect(status().isOk());
		this.mvc.perform(on("acme.localhost", get("/api/v1/cases")).session(session)).andExpect(status().isForbidden());
		this.mvc.perform(on("acme.localhost", get("/")).session(session)).andExpect(status().isForbidden());
		this.mvc.perform(on("ops.localhost", get("/")).session(session)).andExpect(status().isForbidden());
		assertThat(recent(TenantId.of("acme"))).contains("SESSION_REJECTED_WRONG_SITE");
		assertThat(recent(TenantId.PLATFORM)).contains("SESSION_REJECTED_WRONG_SITE");
		// The session still works on its own site.
		this.mvc.perform(on("public.localhost", get("/api/v1/cases")).session(session)).andExpect(status().isOk());
	}

	@Test
	void a_demo_user_of_one_tenant_cannot_sign_in_on_another() throws Exception {
		this.mvc
			.perform(on("acme.localhost", post("/login")).param("username", "patient@public.example")
				.param("password", "consilium-demo")
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect((result) -> assertThat(result.getResponse().getRedirectedUrl()).contains("error"));
		assertThat(recent(TenantId.of("acme"))).contains("SIGN_IN_FAILED");
	}

	@Test
	void a_sign_in_posted_from_another_origin_is_refused() throws Exception {
		this.mvc
			.perform(on("public.localhost", post("/login")).header("Origin", "https://evil.example")
				.param("username", "patient@public.example")
				.param("password", "consilium-demo"))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(on("public.localhost", post("/login")).header("Origin", "http://public.localhost:8080")
				.param("username", "patient@public.example")
				.param("password", "consilium-demo"))
			.andExpect(status().is3xxRedirection())
			.andExpect((result) -> assertThat(result.getResponse().getRedirectedUrl()).doesNotContain("error"));
	}

	@Test
	void a_principal_of_another_tenant_is_refused_even_without_a_session() throws Exception {
		var publicCoordinator = Users.user("public", "guard-coordinator", Role.CASE_COORDINATOR);
		this.mvc
			.perform(on("public.localhost", get("/api/v1/cases"))
				.with(authentication(Users.authentication(publicCoordinator))))
			.andExpect(status().isOk());
		this.mvc
			.perform(on("acme.localhost", get("/api/v1/cases"))
				.with(authentication(Users.authentication(publicCoordinator))))
			.andExpect(status().isForbidden());
		assertThat(recent(TenantId.of("acme"))).contains("PRINCIPAL_REJECTED_WRONG_SITE");
	}

	@Test
	void an_operator_user_is_refused_on_a_tenant_site() throws Exception {
		var triage = Users.operator("guard-triage", Role.TRIAGE);
		this.mvc
			.perform(on("globex.localhost", get("/api/v1/cases")).with(authentication(Users.authentication(triage))))
			.andExpect(status().isForbidden());
	}

	@Test
	void the_api_answers_401_as_problem_details_without_a_sign_in() throws Exception {
		this.mvc.perform(on("public.localhost", get("/api/v1/cases")))
			.andExpect(status().isUnauthorized())
			.andExpect((result) -> assertThat(result.getResponse().getContentType())
				.isEqualTo("application/problem+json"));
	}

	@Test
	void a_successful_sign_in_is_audited_and_gets_a_new_session_id() throws Exception {
		MockHttpSession before = new MockHttpSession();
		String idBefore = before.getId();
		MvcResult result = this.mvc
			.perform(on("globex.localhost", post("/login")).session(before)
				.param("username", "patient@globex.example")
				.param("password", "consilium-demo")
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		HttpSession after = result.getRequest().getSession(false);
		assertThat(after).isNotNull();
		assertThat(after.getId()).as("session fixation protection").isNotEqualTo(idBefore);
		assertThat(recent(TenantId.of("globex"))).contains("SIGN_IN");
	}

	private MockHttpSession signIn(String host, String username) throws Exception {
		MvcResult result = this.mvc.perform(
				on(host, post("/login")).param("username", username).param("password", "consilium-demo").with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		assertThat(result.getResponse().getRedirectedUrl()).doesNotContain("error");
		return (MockHttpSession) result.getRequest().getSession(false);
	}

	private java.util.List<String> recent(TenantId partition) {
		return TenantContext.callAs(partition, () -> this.audit.recent(20)).stream().map(AuditRecord::action).toList();
	}

	static MockHttpServletRequestBuilder on(String host, MockHttpServletRequestBuilder request) {
		return request.with((r) -> {
			r.setServerName(host);
			return r;
		});
	}

}

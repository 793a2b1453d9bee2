package org.consilium.identity.internal;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.consilium.support.IntegrationTest;
import org.consilium.support.TestDatabase;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.TenantId;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The REST API for partner systems: per-host issuers with discovery and keys,
 * client-credentials clients per tenant, tokens accepted only on their tenant's host,
 * scopes enforced, problem details for every refusal, signing keys kept in the database
 * and rotated.
 */
@IntegrationTest
class OAuthApiIT {

	static final String SECRET = "a-long-client-secret-for-tests";

	@Autowired
	MockMvc mvc;

	@Autowired
	ApiClients clients;

	@Autowired
	SigningKeys keys;

	final ObjectMapper json = new ObjectMapper();

	@Test
	void each_site_is_its_own_issuer_with_discovery_and_keys() throws Exception {
		this.mvc.perform(on("acme", get("/.well-known/openid-configuration")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.issuer").value("http://acme.localhost:8080"))
			.andExpect(jsonPath("$.token_endpoint").value("http://acme.localhost:8080/oauth2/token"));
		this.mvc.perform(on("public", get("/.well-known/oauth-authorization-server")))
			.andExpect(jsonPath("$.issuer").value("http://public.localhost:8080"));
		this.mvc.perform(on("public", get("/oauth2/jwks")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.keys[0].kid").value(this.keys.activeKeyId()))
			.andExpect(jsonPath("$.keys[0].d").doesNotExist());
	}

	@Test
	void a_partner_system_reads_cases_of_its_own_tenant_with_a_client_credentials_token() throws Exception {
		String clientId = client("public", List.of("cases.read"));
		String token = token("public", clientId, SECRET);
		this.mvc.perform(on("public", get("/api/v1/cases")).header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
			.andExpect(status().isOk());
		Map<?, ?> claims = claims(token);
		assertThat(claims.get("iss")).isEqualTo("http://public.localhost:8080");
		assertThat(claims.get("tenant")).isEqualTo("public");
	}

	@Test
	void a_token_of_one_tenant_is_refused_on_another_tenants_host() throws Exception {
		String token = token("public", client("public", List.of("cases.read")), SECRET);
		this.mvc.perform(on("globex", get("/api/v1/cases")).header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(header().string("WWW-Authenticate", org.hamcrest.Matchers.containsString("invalid_token")));
		this.mvc.perform(on("ops", get("/api/v1/cases")).header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void a_client_of_one_tenant_cannot_get_a_token_on_another_tenants_host() throws Exception {
		String clientId = client("public", List.of("cases.read"));
		this.mvc
			.perform(on("globex", post("/oauth2/token")).with(basic(clientId, SECRET))
				.param("grant_type", "client_credentials"))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.error").value("invalid_client"));
	}

	@Test
	void scopes_limit_what_a_client_may_do() throws Exception {
		String clientId = client("acme", List.of());
		String token = token("acme", clientId, SECRET, "");
		this.mvc.perform(on("acme", get("/api/v1/cases")).header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"));
		this.mvc
			.perform(on("acme", post("/oauth2/token")).with(basic(client("acme", List.of("cases.read")), SECRET))
				.param("grant_type", "client_credentials")
				.param("scope", "cases.write"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error").value("invalid_scope"));
	}

	@Test
	void a_wrong_secret_or_a_forged_token_gets_nothing() throws Exception {
		String clientId = client("public", List.of("cases.read"));
		this.mvc
			.perform(on("public", post("/oauth2/token")).with(basic(clientId, "wrong"))
				.param("grant_type", "client_credentials"))
			.andExpect(status().isUnauthorized());
		String token = token("public", clientId, SECRET);
		String[] parts = token.split("\\.");
		String forged = parts[0] + "."
				+ java.util.Base64.getUrlEncoder()
					.withoutPadding()
					.encodeToString(new String(java.util.Base64.getUrlDecoder().decode(parts[1]))
						.replace("\"public\"", "\"globex\"")
						.getBytes())
				+ "." + parts[2];
		this.mvc.perform(on("globex", get("/api/v1/cases")).header(HttpHeaders.AUTHORIZATION, "Bearer " + forged))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void signing_keys_live_in_the_database_and_rotate_without_breaking_issued_tokens() throws Exception {
		String before = this.keys.activeKeyId();
		assertThat(TestDatabase.get()
			.adminJdbc()
			.queryForObject("select status from oauth2_signing_key where kid = ?", String.class, before))
			.isEqualTo("ACTIVE");
		String clientId = client("public", List.of("cases.read"));
		String oldToken = token("public", clientId, SECRET);
		String after = this.keys.rotate();
		assertThat(after).isNotEqualTo(before);
		String newToken = token("public", clientId, SECRET);
		assertThat(joseHeader(newToken).get("kid")).isEqualTo(after);
		assertThat(joseHeader(oldToken).get("kid")).isEqualTo(before);
		this.mvc.perform(on("public", get("/api/v1/cases")).header(HttpHeaders.AUTHORIZATION, "Bearer " + oldToken))
			.andExpect(status().isOk());
		this.mvc.perform(on("public", get("/oauth2/jwks")))
			.andExpect(jsonPath("$.keys[*].kid", org.hamcrest.Matchers.hasItems(before, after)));
	}

	private String client(String tenant, List<String> scopes) {
		String clientId = tenant + "-test-" + UUID.randomUUID().toString().substring(0, 8);
		TenantContext.runAs(TenantId.of(tenant), () -> this.clients.register(clientId, SECRET, "Test client", scopes));
		return clientId;
	}

	private String token(String tenant, String clientId, String secret) throws Exception {
		return token(tenant, clientId, secret, "cases.read");
	}

	private String token(String tenant, String clientId, String secret, String scope) throws Exception {
		MockHttpServletRequestBuilder request = on(tenant, post("/oauth2/token")).with(basic(clientId, secret))
			.param("grant_type", "client_credentials");
		if (!scope.isEmpty()) {
			request.param("scope", scope);
		}
		String body = this.mvc.perform(request)
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return (String) this.json.readValue(body, Map.class).get("access_token");
	}

	private Map<?, ?> claims(String token) throws Exception {
		return this.json.readValue(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]), Map.class);
	}

	private Map<?, ?> joseHeader(String token) throws Exception {
		return this.json.readValue(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[0]), Map.class);
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor basic(String user,
			String password) {
		return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
			.httpBasic(user, password);
	}

	private static MockHttpServletRequestBuilder on(String site, MockHttpServletRequestBuilder request) {
		return request.with((r) -> {
			r.setServerName(site + ".localhost");
			r.setServerPort(8080);
			return r;
		});
	}

}

package org.consilium.identity.devidp;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import jakarta.servlet.http.HttpSession;
import org.consilium.identity.ConsiliumUser;
import org.consilium.identity.MfaPendingAuthentication;
import org.consilium.support.IntegrationTest;
import org.consilium.tenant.TenantId;
import org.consilium.tenantconfig.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The development identity provider as a developer uses it for acme, through the real
 * filter chain: acme's sign-in sends the browser to it on the operator host, it lists the
 * demo employees, and the chosen one's signed response signs in on acme — or, for the
 * employee whose employment ended, leads to the not-eligible page.
 */
@IntegrationTest
class DevelopmentIdpIT {

	private static final Pattern FIELD = Pattern.compile("name=\"(SAMLResponse|RelayState)\" value=\"([^\"]*)\"");

	@Autowired
	MockMvc mvc;

	@Test
	void an_acme_employee_signs_in_through_the_development_identity_provider() throws Exception {
		MvcResult result = signInAs("alex");

		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/");
		ConsiliumUser user = principal(result.getRequest().getSession());
		assertThat(user.tenant()).contains(TenantId.of("acme"));
		assertThat(user.displayName()).isEqualTo("Alex Rivera");
		assertThat(user.username()).isEqualTo("alex.rivera@acme.example");
		assertThat(user.roles()).containsExactly(Role.PATIENT);
	}

	@Test
	void a_session_made_through_acme_single_sign_on_is_refused_on_the_public_site() throws Exception {
		MockHttpSession session = (MockHttpSession) signInAs("alex").getRequest().getSession();
		this.mvc.perform(on("acme.localhost", get("/api/v1/cases")).session(session)).andExpect(status().isOk());
		this.mvc.perform(on("public.localhost", get("/api/v1/cases")).session(session))
			.andExpect(status().isForbidden());
	}

	@Test
	void the_hr_admin_gets_no_admin_role_before_our_second_factor() throws Exception {
		MockHttpSession session = (MockHttpSession) signInAs("dana").getRequest().getSession();
		assertThat(principal(session).roles()).contains(Role.TENANT_ADMIN);
		assertThat(((SecurityContext) session
			.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)).getAuthentication())
			.isInstanceOf(MfaPendingAuthentication.class);
		this.mvc.perform(on("acme.localhost", get("/api/v1/cases")).session(session)).andExpect(status().isForbidden());
	}

	@Test
	void the_employee_whose_employment_ended_is_told_they_are_not_eligible() throws Exception {
		MvcResult result = signInAs("sam");

		assertThat(result.getResponse().getRedirectedUrl())
			.isEqualTo("/sso-problem?reason=not-eligible&provider=acme-sso");
		HttpSession session = result.getRequest().getSession(false);
		assertThat((session != null)
				? session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY) : null)
			.isNull();
	}

	@Test
	void it_publishes_metadata_for_programmes_that_use_it_only() throws Exception {
		String metadata = this.mvc.perform(on("ops.localhost", get("/dev-idp/acme/metadata")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(metadata).contains("entityID=\"urn:consilium:dev-idp:acme\"")
			.contains("Location=\"http://ops.localhost/dev-idp/acme/sso\"")
			.contains("<ds:X509Certificate>");
		this.mvc.perform(on("ops.localhost", get("/dev-idp/public/metadata"))).andExpect(status().isNotFound());
		this.mvc.perform(on("ops.localhost", get("/dev-idp/nowhere/metadata"))).andExpect(status().isNotFound());
	}

	@Test
	void it_signs_only_for_the_programmes_own_assertion_consumer() throws Exception {
		URI location = URI.create(startAt("acme.localhost"));
		var query = UriComponentsBuilder.fromUri(location).build().getQueryParams();
		String request = inflate(decode(query.getFirst("SAMLRequest")));
		assertThat(request).contains("AssertionConsumerServiceURL=\"http://acme.localhost/login/saml2/sso/acme-sso\"");
		String elsewhere = deflate(request.replace("http://acme.localhost/", "http://evil.localhost/"));

		String page = this.mvc
			.perform(on("ops.localhost",
					get("/dev-idp/acme/respond").param("employee", "alex")
						.param("SAMLRequest", elsewhere)
						.param("RelayState", decode(query.getFirst("RelayState")))))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Development identity provider").doesNotContain("SAMLResponse");
	}

	@Test
	void every_page_says_it_is_a_development_identity_provider_in_the_visitors_language() throws Exception {
		String page = this.mvc
			.perform(on("ops.localhost", get(URI.create(startAt("acme.localhost")))).header("Accept-Language", "es"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("Proveedor de identidad de desarrollo", "no existe en producción")
			.contains("id=\"employee-alex\"", "id=\"employee-sam\"", "id=\"employee-dana\"")
			.contains("terminated", "hr-benefits-admins");
	}

	/**
	 * The whole journey: acme's sign-in, the identity provider's page, the chosen
	 * employee.
	 */
	private MvcResult signInAs(String employee) throws Exception {
		String chooser = this.mvc.perform(on("ops.localhost", get(URI.create(startAt("acme.localhost")))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(chooser).contains("Development identity provider");
		Matcher link = Pattern.compile("id=\"employee-" + employee + "\" href=\"([^\"]+)\"").matcher(chooser);
		assertThat(link.find()).isTrue();
		String respond = "/dev-idp/acme/" + HtmlUtils.htmlUnescape(link.group(1));
		String form = this.mvc.perform(on("ops.localhost", get(URI.create("http://ops.localhost" + respond))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(form).contains("action=\"http://acme.localhost/login/saml2/sso/acme-sso\"");
		Map<String, String> fields = new java.util.HashMap<>();
		Matcher field = FIELD.matcher(form);
		while (field.find()) {
			fields.put(field.group(1), HtmlUtils.htmlUnescape(field.group(2)));
		}
		// Posted without any cookie, as a browser posts across sites.
		return this.mvc
			.perform(on("acme.localhost", post("/login/saml2/sso/acme-sso"))
				.param("SAMLResponse", fields.get("SAMLResponse"))
				.param("RelayState", fields.get("RelayState")))
			.andReturn();
	}

	/** Starts acme's single sign-on; returns where it sends the browser. */
	private String startAt(String host) throws Exception {
		String location = this.mvc.perform(on(host, get("/saml2/authenticate/acme-sso")))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(location).startsWith("http://ops.localhost/dev-idp/acme/sso?SAMLRequest=");
		return location;
	}

	private static ConsiliumUser principal(HttpSession session) {
		SecurityContext context = (SecurityContext) session
			.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
		return (ConsiliumUser) context.getAuthentication().getPrincipal();
	}

	private static MockHttpServletRequestBuilder on(String host, MockHttpServletRequestBuilder request) {
		return request.with((r) -> {
			r.setServerName(host);
			return r;
		});
	}

	private static String decode(String value) {
		return URLDecoder.decode(value, StandardCharsets.UTF_8);
	}

	private static String inflate(String samlRequest) throws Exception {
		Inflater inflater = new Inflater(true);
		inflater.setInput(Base64.getDecoder().decode(samlRequest));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] buffer = new byte[4096];
		while (!inflater.finished()) {
			out.write(buffer, 0, inflater.inflate(buffer));
		}
		inflater.end();
		return out.toString(StandardCharsets.UTF_8);
	}

	private static String deflate(String xml) {
		Deflater deflater = new Deflater(Deflater.DEFLATED, true);
		deflater.setInput(xml.getBytes(StandardCharsets.UTF_8));
		deflater.finish();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] buffer = new byte[4096];
		while (!deflater.finished()) {
			out.write(buffer, 0, deflater.deflate(buffer));
		}
		deflater.end();
		return Base64.getEncoder().encodeToString(out.toByteArray());
	}

}

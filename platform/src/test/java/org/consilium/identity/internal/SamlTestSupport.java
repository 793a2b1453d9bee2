package org.consilium.identity.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.Inflater;

import jakarta.servlet.http.HttpSession;
import net.shibboleth.utilities.java.support.xml.XMLParserException;
import org.consilium.identity.ConsiliumUser;
import org.consilium.support.IntegrationTest;
import org.consilium.support.TestDatabase;
import org.opensaml.core.xml.config.XMLObjectProviderRegistrySupport;
import org.opensaml.core.xml.io.UnmarshallingException;
import org.opensaml.core.xml.util.XMLObjectSupport;
import org.opensaml.saml.saml2.core.AuthnRequest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The application with two test-only SAML programmes next to the shipped ones, each with
 * its own fake identity provider ({@link FakeIdp}) whose metadata is a file of the
 * tenant: {@code umbrella} (like acme: SSO only, eligibility by employmentStatus,
 * IdP-initiated sign-in off) and {@code hooli} (IdP-initiated sign-in on, no eligibility
 * rule). The demo tenants stay as shipped. Sign-ins go through the real filter chain: the
 * SP-initiated request first, then the response posted to the assertion consumer.
 */
@IntegrationTest
abstract class SamlTestSupport {

	static final FakeIdp UMBRELLA_IDP = new FakeIdp("https://idp.umbrella.example/saml");

	static final FakeIdp HOOLI_IDP = new FakeIdp("https://idp.hooli.example/saml");

	static final String UMBRELLA = "umbrella.localhost";

	static final String HOOLI = "hooli.localhost";

	static final Path FILES = tenantFiles();

	@DynamicPropertySource
	static void tenantsDirectory(DynamicPropertyRegistry registry) {
		registry.add("consilium.tenancy.tenants-directory", FILES::toString);
	}

	@Autowired
	MockMvc mvc;

	final JdbcTemplate admin = TestDatabase.get().adminJdbc();

	/** Starts an SP-initiated sign-in as the sign-in page's button does. */
	FakeIdp.Started start(String host, String registrationId) throws Exception {
		MockHttpSession session = new MockHttpSession();
		MvcResult result = this.mvc.perform(on(host, get("/saml2/authenticate/" + registrationId)).session(session))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		UriComponents location = UriComponentsBuilder.fromUriString(result.getResponse().getRedirectedUrl()).build();
		String samlRequest = URLDecoder.decode(location.getQueryParams().getFirst("SAMLRequest"),
				StandardCharsets.UTF_8);
		String relayState = URLDecoder.decode(location.getQueryParams().getFirst("RelayState"), StandardCharsets.UTF_8);
		AuthnRequest request = authnRequest(samlRequest);
		return new FakeIdp.Started(session, request.getID(), relayState, request.getAssertionConsumerServiceURL(),
				request.getIssuer().getValue());
	}

	/** Posts a response to a host's assertion consumer, as the browser would. */
	MvcResult postResponse(String host, String registrationId, String xml, String relayState, MockHttpSession session)
			throws Exception {
		MockHttpServletRequestBuilder request = on(host, post("/login/saml2/sso/" + registrationId))
			.param("SAMLResponse", FakeIdp.base64(xml));
		if (relayState != null) {
			request.param("RelayState", relayState);
		}
		if (session != null) {
			request.session(session);
		}
		return this.mvc.perform(request).andReturn();
	}

	MvcResult answer(FakeIdp.Started started, String xml) throws Exception {
		return postResponse(UMBRELLA, "umbrella-sso", xml, started.relayState(), started.session());
	}

	static ConsiliumUser signedIn(MvcResult result) {
		assertThat(result.getResponse().getRedirectedUrl()).as("where the sign-in leads").endsWith("/");
		HttpSession session = result.getRequest().getSession(false);
		assertThat(session).isNotNull();
		SecurityContext context = (SecurityContext) session
			.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
		assertThat(context).as("security context in the session").isNotNull();
		return (ConsiliumUser) context.getAuthentication().getPrincipal();
	}

	static void noAuthenticatedSession(MvcResult result) {
		HttpSession session = result.getRequest().getSession(false);
		if (session != null) {
			assertThat(session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY))
				.as("a signed-in security context")
				.isNull();
		}
	}

	long lastAuditSeq(String tenant) {
		Long seq = this.admin.queryForObject("select coalesce(max(seq), 0) from audit_event where tenant_id = ?",
				Long.class, tenant);
		return (seq != null) ? seq : 0;
	}

	List<Map<String, Object>> auditSince(String tenant, long seq) {
		return this.admin.queryForList(
				"select action, actor, subject_type, subject_id, details from audit_event where tenant_id = ? and seq > ? order by seq",
				tenant, seq);
	}

	static MockHttpServletRequestBuilder on(String host, MockHttpServletRequestBuilder request) {
		return request.with((r) -> {
			r.setServerName(host);
			return r;
		});
	}

	static AuthnRequest authnRequest(String samlRequest) {
		try {
			Inflater inflater = new Inflater(true);
			inflater.setInput(Base64.getMimeDecoder().decode(samlRequest));
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			byte[] buffer = new byte[4096];
			while (!inflater.finished()) {
				out.write(buffer, 0, inflater.inflate(buffer));
			}
			inflater.end();
			return (AuthnRequest) XMLObjectSupport.unmarshallFromInputStream(
					XMLObjectProviderRegistrySupport.getParserPool(), new ByteArrayInputStream(out.toByteArray()));
		}
		catch (java.util.zip.DataFormatException | XMLParserException | UnmarshallingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A copy of the shipped tenant files plus umbrella and hooli, made from acme's file,
	 * with their identity providers' metadata as files next to them.
	 */
	private static Path tenantFiles() {
		try {
			Path target = Files.createTempDirectory("consilium-saml-tenants").resolve("tenants");
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
			String acme = Files.readString(source.resolve("acme.yaml"));
			Files.writeString(target.resolve("assets/umbrella-idp.xml"), UMBRELLA_IDP.metadata());
			Files.writeString(target.resolve("assets/hooli-idp.xml"), HOOLI_IDP.metadata());
			Files.writeString(target.resolve("umbrella.yaml"), programme(acme, "umbrella", "Umbrella Health Benefit"));
			Files.writeString(target.resolve("hooli.yaml"),
					programme(acme, "hooli", "Hooli Second Opinion")
						.replace("idpInitiatedLogin: false", "idpInitiatedLogin: true")
						.replace("  eligibility: SSO_ATTRIBUTE", "  eligibility: NONE")
						.replace("""
								      eligibility:
								        attribute: employmentStatus
								        anyOf: [active]
								""", ""));
			return target;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String programme(String acme, String slug, String name) {
		String programme = acme.replace("slug: acme", "slug: " + slug)
			.replace("acme.localhost", slug + ".localhost")
			.replace("Acme Expert Medical Opinion", name)
			.replace("id: acme-sso", "id: " + slug + "-sso")
			.replace("entityId: urn:consilium:dev-idp:acme", "entityId: https://idp." + slug + ".example/saml")
			.replace("url: http://ops.localhost:8080/dev-idp/acme/metadata", "file: assets/" + slug + "-idp.xml");
		assertThat(programme).contains("file: assets/" + slug + "-idp.xml", "https://idp." + slug + ".example/saml");
		return programme;
	}

}

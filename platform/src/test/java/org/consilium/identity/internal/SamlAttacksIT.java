package org.consilium.identity.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opensaml.core.xml.config.XMLObjectProviderRegistrySupport;
import org.opensaml.core.xml.util.XMLObjectSupport;
import org.opensaml.saml.saml2.core.Response;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every way a response must not sign anyone in: each is refused with the page that says
 * so, leaves no signed-in session, provisions nobody and is audited as
 * {@code SSO_REJECTED} with the reason.
 */
class SamlAttacksIT extends SamlTestSupport {

	static final String SAML = "urn:oasis:names:tc:SAML:2.0:assertion";

	static final String SAMLP = "urn:oasis:names:tc:SAML:2.0:protocol";

	static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";

	@Test
	void an_unsigned_response_is_refused() throws Exception {
		FakeIdp.Started started = start(UMBRELLA, "umbrella-sso");
		FakeIdp.Spec spec = employee(started);
		spec.signAssertion = false;
		refused(started, UMBRELLA_IDP.response(spec), spec, "invalid_signature");
	}

	@Test
	void a_response_changed_after_signing_is_refused() throws Exception {
		FakeIdp.Started started = start(UMBRELLA, "umbrella-sso");
		FakeIdp.Spec spec = employee(started);
		String xml = UMBRELLA_IDP.response(spec);
		assertThat(xml).contains(">employees<");
		refused(started, xml.replace(">employees<", ">hr-benefits-admins<"), spec, "invalid_signature");
	}

	@Test
	void a_response_signed_by_another_key_is_refused() throws Exception {
		FakeIdp.Started started = start(UMBRELLA, "umbrella-sso");
		FakeIdp.Spec spec = employee(started);
		refused(started, UMBRELLA_IDP.impostor().response(spec), spec, "invalid_signature");
	}

	@Test
	void another_tenants_identity_provider_is_refused() throws Exception {
		FakeIdp.Started started = start(UMBRELLA, "umbrella-sso");
		FakeIdp.Spec spec = employee(started);
		spec.issuer = HOOLI_IDP.entityId;
		refused(started, HOOLI_IDP.response(spec), spec, "invalid_issuer");
	}

	@Test
	void a_response_for_one_programme_posted_on_anothers_host_is_refused() throws Exception {
		FakeIdp.Started started = start(UMBRELLA, "umbrella-sso");
		FakeIdp.Spec spec = employee(started);
		long before = lastAuditSeq("hooli");

		MvcResult result = postResponse(HOOLI, "umbrella-sso", UMBRELLA_IDP.response(spec), started.relayState(), null);

		assertThat(result.getResponse().getRedirectedUrl()).endsWith("/sso-problem?reason=unavailable");
		noAuthenticatedSession(result);
		assertThat(auditSince("hooli", before)).anySatisfy((row) -> {
			assertThat(row.get("action")).isEqualTo("SSO_REJECTED");
			assertThat((String) row.get("details")).startsWith("relying_party_registration_not_found");
		});
		nobodyProvisioned(spec);
	}

	@Test
	void acmes_provider_does_not_exist_on_globex_and_globex_has_none_on_acme() throws Exception {
		long before = lastAuditSeq("globex");
		FakeIdp.Started started = start(UMBRELLA, "umbrella-sso");
		MvcResult result = postResponse("globex.localhost", "acme-sso", UMBRELLA_IDP.response(employee(started)),
				started.relayState(), null);
		assertThat(result.getResponse().getRedirectedUrl()).endsWith("/sso-problem?reason=unavailable");
		noAuthenticatedSession(result);
		assertThat(auditSince("globex", before)).extracting((row) -> row.get("action")).contains("SSO_REJECTED");

		for (String host : List.of("globex.localhost", "ops.localhost")) {
			this.mvc.perform(on(host, get("/saml2/authenticate/acme-sso")))
				.andExpect(status().is3xxRedirection())
				.andExpect((answer) -> assertThat(answer.getResponse().getRedirectedUrl())
					.as("no sign-in starts at acme's identity provider from " + host)
					.isEqualTo("/sso-problem?reason=unavailable"));
			this.mvc.perform(on(host, get("/saml2/service-provider-metadata/acme-sso")))
				.andExpect(status().isNotFound());
		}
		this.mvc.perform(on("acme.localhost", get("/saml2/authenticate/umbrella-sso")))
			.andExpect((answer) -> assertThat(answer.getResponse().getRedirectedUrl())
				.isEqualTo("/sso-problem?reason=unavailable"));
		this.mvc.perform(on("acme.localhost", get("/saml2/service-provider-metadata/umbrella-sso")))
			.andExpect(status().isNotFound());
		this.mvc.perform(on(UMBRELLA, get("/saml2/service-provider-metadata/umbrella-sso")))
			.andExpect(status().isOk())
			.andExpect((answer) -> assertThat(answer.getResponse().getContentAsString())
				.contains("entityID=\"http://umbrella.localhost/saml2/service-provider-metadata/umbrella-sso\"")
				.contains("Location=\"http://umbrella.localhost/login/saml2/sso/umbrella-sso\""));
	}

	@Test
	void a_response_for_another_audience_is_refused() throws Exception {
		FakeIdp.Started started = start(UMBRELLA, "umbrella-sso");
		FakeIdp.Spec spec = employee(started);
		spec.audience = "http://hooli.localhost/saml2/service-provider-metadata/hooli-sso";
		refused(started, UMBRELLA_IDP.response(spec), spec, "invalid_assertion");
		assertThat(lastRejection()).contains("AudienceRestriction");
	}

	@Test
	void a_response_for_another_recipient_is_refused() throws Exception {
		FakeIdp.Started started = start(UMBRELLA, "umbrella-sso");
		FakeIdp.Spec spec = employee(started);
		spec.recipient = "http://evil.example/login/saml2/sso/umbrella-sso";
		refused(started, UMBRELLA_IDP.response(spec), spec, "invalid_assertion");
		assertThat(lastRejection()).contains("No subject confirmation methods were met");
	}

	@Test
	void a_response_for_another_destination_is_refused() throws Exception {
		FakeIdp.Started started = start(UMBRELLA, "umbrella-sso");
		FakeIdp.Spec spec = employee(started);
		spec.destination = "http://evil.example/login/saml2/sso/umbrella-sso";
		refused(started, UMBRELLA_IDP.response(spec), spec, "invalid_destination");
	}

	@Test
	void an_expired_response_is_refused() throws Exception {
		FakeIdp.Started started = start(UMBRELLA, "umbrella-sso");
		FakeIdp.Spec spec = employee(started);
		spec.notOnOrAfter = Instant.now().minus(Duration.ofMinutes(10));
		refused(started, UMBRELLA_IDP.response(spec), spec, "invalid_assertion");
		assertThat(lastRejection()).contains("is no longer valid");
	}

	@Test
	void a_response_to_another_request_is_refused() throws Exception {
		FakeIdp.Started started = start(UMBRELLA, "umbrella-sso");
		FakeIdp.Spec spec = employee(started);
		spec.inResponseTo = "ARQ" + UUID.randomUUID();
		refused(started, UMBRELLA_IDP.response(spec), spec, "invalid_in_response_to");
	}

	@Test
	void a_response_posted_twice_is_refused_the_second_time() throws Exception {
		FakeIdp.Started started = start(UMBRELLA, "umbrella-sso");
		FakeIdp.Spec spec = employee(started);
		String xml = UMBRELLA_IDP.response(spec);
		signedIn(answer(started, xml));
		long before = lastAuditSeq("umbrella");

		MvcResult replay = postResponse(UMBRELLA, "umbrella-sso", xml, started.relayState(), null);

		assertThat(replay.getResponse().getRedirectedUrl())
			.endsWith("/sso-problem?reason=rejected&provider=umbrella-sso");
		noAuthenticatedSession(replay);
		assertThat(auditSince("umbrella", before)).anySatisfy((row) -> {
			assertThat(row.get("action")).isEqualTo("SSO_REJECTED");
			assertThat((String) row.get("details")).startsWith("invalid_in_response_to");
		});

		// Nor with a request of its own: it answers the old one.
		FakeIdp.Started fresh = start(UMBRELLA, "umbrella-sso");
		MvcResult again = postResponse(UMBRELLA, "umbrella-sso", xml, fresh.relayState(), fresh.session());
		assertThat(again.getResponse().getRedirectedUrl())
			.endsWith("/sso-problem?reason=rejected&provider=umbrella-sso");
		noAuthenticatedSession(again);
	}

	@Test
	void signature_wrapping_with_an_unsigned_assertion_before_the_signed_one_is_refused() throws Exception {
		FakeIdp.Started started = start(UMBRELLA, "umbrella-sso");
		FakeIdp.Spec spec = employee(started);
		Document document = FakeIdp.dom(UMBRELLA_IDP.response(spec));
		Element signed = assertion(document);
		document.getDocumentElement().insertBefore(forged(signed, false), signed);
		refused(started, FakeIdp.xml(document), spec, "malformed_response_data");
	}

	@Test
	void signature_wrapping_with_an_unsigned_assertion_after_the_signed_one_is_refused() throws Exception {
		FakeIdp.Started started = start(UMBRELLA, "umbrella-sso");
		FakeIdp.Spec spec = employee(started);
		Document document = FakeIdp.dom(UMBRELLA_IDP.response(spec));
		Element signed = assertion(document);
		document.getDocumentElement().appendChild(forged(signed, false));
		refused(started, FakeIdp.xml(document), spec, "malformed_response_data");
	}

	@Test
	void signature_wrapping_with_the_signed_assertion_moved_under_an_unsigned_one_is_refused() throws Exception {
		FakeIdp.Started started = start(UMBRELLA, "umbrella-sso");
		FakeIdp.Spec spec = employee(started);
		Document document = FakeIdp.dom(UMBRELLA_IDP.response(spec));
		Element signed = assertion(document);
		Element forged = forged(signed, false);
		document.getDocumentElement().replaceChild(forged, signed);
		advice(forged).appendChild(signed);
		refused(started, FakeIdp.xml(document), spec, "invalid_signature");
	}

	@Test
	void signature_wrapping_with_the_signature_copied_onto_a_forged_assertion_of_the_same_id_is_refused()
			throws Exception {
		FakeIdp.Started started = start(UMBRELLA, "umbrella-sso");
		FakeIdp.Spec spec = employee(started);
		Document document = FakeIdp.dom(UMBRELLA_IDP.response(spec));
		Element signed = assertion(document);
		Element forged = forged(signed, true);
		document.getDocumentElement().replaceChild(forged, signed);
		advice(forged).appendChild(signed);
		refused(started, FakeIdp.xml(document), spec, "invalid_signature");
	}

	@Test
	void signature_wrapping_with_the_signed_response_moved_under_an_unsigned_one_is_refused() throws Exception {
		FakeIdp.Started started = start(UMBRELLA, "umbrella-sso");
		FakeIdp.Spec spec = employee(started);
		spec.signAssertion = false;
		spec.signResponse = true;
		Document document = FakeIdp.dom(UMBRELLA_IDP.response(spec));
		Element signedResponse = document.getDocumentElement();
		Element forgedResponse = (Element) signedResponse.cloneNode(true);
		forgedResponse.setAttribute("ID", "_forged-" + UUID.randomUUID());
		FakeIdp.children(forgedResponse, DSIG, "Signature").forEach(forgedResponse::removeChild);
		Element forgedAssertion = FakeIdp.children(forgedResponse, SAML, "Assertion").get(0);
		forgedResponse.replaceChild(forged(forgedAssertion, false), forgedAssertion);
		Element extensions = document.createElementNS(SAMLP, "saml2p:Extensions");
		forgedResponse.insertBefore(extensions, FakeIdp.children(forgedResponse, SAMLP, "Status").get(0));
		document.replaceChild(forgedResponse, signedResponse);
		extensions.appendChild(signedResponse);
		refused(started, FakeIdp.xml(document), spec, "invalid_signature");
	}

	@Test
	void a_comment_in_the_name_id_never_shortens_it_and_is_refused() throws Exception {
		// The attacker's own identity at the IdP; the comment would make a naive parser
		// read the victim's alice@umbrella.example. Exclusive canonicalization ignores
		// comments, so the signature still verifies after the edit.
		FakeIdp.Started started = start(UMBRELLA, "umbrella-sso");
		FakeIdp.Spec spec = UMBRELLA_IDP.to(started)
			.employee("alice@umbrella.example.evil.example", "Alice", "Evil", "active");
		spec.nameId = "alice@umbrella.example.evil.example";
		String injected = UMBRELLA_IDP.response(spec)
			.replace("alice@umbrella.example.evil.example", "alice@umbrella.example<!---->.evil.example");
		Response parsed = (Response) XMLObjectSupport.unmarshallFromInputStream(
				XMLObjectProviderRegistrySupport.getParserPool(),
				new ByteArrayInputStream(injected.getBytes(StandardCharsets.UTF_8)));
		assertThat(parsed.getAssertions().get(0).getSubject().getNameID().getValue())
			.as("OpenSAML's own parser keeps the whole value")
			.isEqualTo("alice@umbrella.example.evil.example");

		refused(started, injected, spec, "forbidden_xml");
		assertThat(this.admin.queryForObject(
				"select count(*) from sso_identity where name_id like 'alice@umbrella.example%'", Integer.class))
			.isZero();
		assertThat(this.admin.queryForObject(
				"select count(*) from user_account where email like 'alice@umbrella.example%'", Integer.class))
			.isZero();
	}

	@Test
	void a_doctype_with_an_external_entity_is_refused_before_parsing() throws Exception {
		FakeIdp.Started started = start(UMBRELLA, "umbrella-sso");
		FakeIdp.Spec spec = employee(started);
		String xml = UMBRELLA_IDP.response(spec);
		String body = xml.startsWith("<?xml") ? xml.substring(xml.indexOf("?>") + 2) : xml;
		String payload = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><!DOCTYPE saml2p:Response "
				+ "[<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>" + body.replace(spec.nameId, "&xxe;");
		refused(started, payload, spec, "forbidden_xml: Refused before parsing: a DOCTYPE");
	}

	private FakeIdp.Spec employee(FakeIdp.Started started) {
		return UMBRELLA_IDP.to(started)
			.employee("e." + UUID.randomUUID() + "@umbrella.example", "Erin", "Park", "active", "employees");
	}

	/**
	 * Refused with the page, no signed-in session, nobody provisioned, an SSO_REJECTED
	 * entry whose reason starts with the given code.
	 */
	private void refused(FakeIdp.Started started, String xml, FakeIdp.Spec spec, String code) throws Exception {
		long before = lastAuditSeq("umbrella");
		MvcResult result = answer(started, xml);
		assertThat(result.getResponse().getRedirectedUrl())
			.endsWith("/sso-problem?reason=rejected&provider=umbrella-sso");
		noAuthenticatedSession(result);
		this.mvc.perform(on(UMBRELLA, get("/api/v1/cases")).session(started.session()))
			.andExpect(status().isUnauthorized());
		List<Map<String, Object>> audit = auditSince("umbrella", before);
		assertThat(audit).extracting((row) -> row.get("action")).containsExactly("SSO_REJECTED");
		assertThat((String) audit.get(0).get("details")).startsWith(code);
		nobodyProvisioned(spec);
	}

	private String lastRejection() {
		return this.admin.queryForObject("select details from audit_event where tenant_id = 'umbrella' "
				+ "and action = 'SSO_REJECTED' order by seq desc limit 1", String.class);
	}

	private void nobodyProvisioned(FakeIdp.Spec spec) {
		assertThat(this.admin.queryForObject("select count(*) from sso_identity where name_id in (?, ?)", Integer.class,
				spec.nameId, "victim"))
			.isZero();
		assertThat(this.admin.queryForObject("select count(*) from user_account where email in (?, ?)", Integer.class,
				spec.attributes.get("mail").get(0), "victim@umbrella.example"))
			.isZero();
	}

	private static Element assertion(Document document) {
		return FakeIdp.children(document.getDocumentElement(), SAML, "Assertion").get(0);
	}

	/**
	 * A copy of the assertion that names the victim and claims the admin group, with a
	 * new ID and no signature — or with the same ID and the original's signature copied
	 * on.
	 */
	private static Element forged(Element assertion, boolean keepIdAndSignature) {
		Element forged = (Element) assertion.cloneNode(true);
		if (!keepIdAndSignature) {
			forged.setAttribute("ID", "_forged-" + UUID.randomUUID());
			FakeIdp.children(forged, DSIG, "Signature").forEach(forged::removeChild);
		}
		Element subject = FakeIdp.children(forged, SAML, "Subject").get(0);
		FakeIdp.children(subject, SAML, "NameID").get(0).setTextContent("victim");
		for (Element statement : FakeIdp.children(forged, SAML, "AttributeStatement")) {
			for (Element attribute : FakeIdp.children(statement, SAML, "Attribute")) {
				Element value = FakeIdp.children(attribute, SAML, "AttributeValue").get(0);
				switch (attribute.getAttribute("Name")) {
					case "mail" -> value.setTextContent("victim@umbrella.example");
					case "memberOf" -> value.setTextContent("hr-benefits-admins");
					default -> {
					}
				}
			}
		}
		return forged;
	}

	/**
	 * The assertion's Advice element (after its Conditions), where a wrapper hides
	 * things.
	 */
	private static Element advice(Element assertion) {
		Element advice = assertion.getOwnerDocument().createElementNS(SAML, "saml2:Advice");
		Node conditions = FakeIdp.children(assertion, SAML, "Conditions").get(0);
		assertion.insertBefore(advice, conditions.getNextSibling());
		return advice;
	}

}

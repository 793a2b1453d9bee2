package org.consilium.identity.internal;

import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import net.shibboleth.utilities.java.support.xml.SerializeSupport;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.opensaml.core.xml.config.XMLObjectProviderRegistrySupport;
import org.opensaml.core.xml.schema.XSString;
import org.opensaml.core.xml.util.XMLObjectSupport;
import org.opensaml.saml.common.SAMLVersion;
import org.opensaml.saml.common.SignableSAMLObject;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.Attribute;
import org.opensaml.saml.saml2.core.AttributeStatement;
import org.opensaml.saml.saml2.core.AttributeValue;
import org.opensaml.saml.saml2.core.Audience;
import org.opensaml.saml.saml2.core.AudienceRestriction;
import org.opensaml.saml.saml2.core.AuthnContext;
import org.opensaml.saml.saml2.core.AuthnContextClassRef;
import org.opensaml.saml.saml2.core.AuthnStatement;
import org.opensaml.saml.saml2.core.Conditions;
import org.opensaml.saml.saml2.core.Issuer;
import org.opensaml.saml.saml2.core.NameID;
import org.opensaml.saml.saml2.core.NameIDType;
import org.opensaml.saml.saml2.core.Response;
import org.opensaml.saml.saml2.core.Status;
import org.opensaml.saml.saml2.core.StatusCode;
import org.opensaml.saml.saml2.core.Subject;
import org.opensaml.saml.saml2.core.SubjectConfirmation;
import org.opensaml.saml.saml2.core.SubjectConfirmationData;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.SignatureSigningParameters;
import org.opensaml.xmlsec.keyinfo.impl.X509KeyInfoGeneratorFactory;
import org.opensaml.xmlsec.signature.support.SignatureConstants;
import org.opensaml.xmlsec.signature.support.SignatureSupport;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

import org.springframework.security.saml2.core.OpenSamlInitializationService;

/**
 * A SAML identity provider for tests, independent of the application's code: responses
 * built with OpenSAML's own builders and signed with {@link SignatureSupport} under a
 * throwaway RSA key that BouncyCastle makes, plus the metadata a tenant file refers to.
 * {@link Spec} says what to put in a response, wrong on purpose where a test needs it.
 */
final class FakeIdp {

	static {
		OpenSamlInitializationService.initialize();
	}

	final String entityId;

	private final BasicX509Credential credential;

	FakeIdp(String entityId) {
		this.entityId = entityId;
		this.credential = newCredential(entityId);
	}

	/** The same entity id with another key: an impostor. */
	FakeIdp impostor() {
		return new FakeIdp(this.entityId);
	}

	String metadata() {
		try {
			String certificate = Base64.getEncoder()
				.encodeToString(this.credential.getEntityCertificate().getEncoded());
			return """
					<?xml version="1.0" encoding="UTF-8"?>
					<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" \
					xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="%s">
					  <md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
					    <md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>%s\
					</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>
					    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" \
					Location="https://idp.test.example/sso"/>
					  </md:IDPSSODescriptor>
					</md:EntityDescriptor>
					""".formatted(this.entityId, certificate);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A response as the spec says, serialized (not yet base64-encoded). */
	String response(Spec spec) {
		Instant now = Instant.now();
		Assertion assertion = build(Assertion.DEFAULT_ELEMENT_NAME);
		assertion.setID(spec.assertionId);
		assertion.setIssueInstant(now);
		assertion.setVersion(SAMLVersion.VERSION_20);
		assertion.setIssuer(issuer(spec.issuer));
		Subject subject = build(Subject.DEFAULT_ELEMENT_NAME);
		NameID nameId = build(NameID.DEFAULT_ELEMENT_NAME);
		nameId.setFormat(spec.nameIdFormat);
		nameId.setValue(spec.nameId);
		subject.setNameID(nameId);
		SubjectConfirmation confirmation = build(SubjectConfirmation.DEFAULT_ELEMENT_NAME);
		confirmation.setMethod(SubjectConfirmation.METHOD_BEARER);
		SubjectConfirmationData data = build(SubjectConfirmationData.DEFAULT_ELEMENT_NAME);
		data.setRecipient(spec.recipient);
		data.setNotOnOrAfter(spec.notOnOrAfter);
		data.setInResponseTo(spec.inResponseTo);
		confirmation.setSubjectConfirmationData(data);
		subject.getSubjectConfirmations().add(confirmation);
		assertion.setSubject(subject);
		Conditions conditions = build(Conditions.DEFAULT_ELEMENT_NAME);
		conditions.setNotBefore(now.minusSeconds(60));
		conditions.setNotOnOrAfter(spec.notOnOrAfter);
		AudienceRestriction restriction = build(AudienceRestriction.DEFAULT_ELEMENT_NAME);
		Audience audience = build(Audience.DEFAULT_ELEMENT_NAME);
		audience.setURI(spec.audience);
		restriction.getAudiences().add(audience);
		conditions.getAudienceRestrictions().add(restriction);
		assertion.setConditions(conditions);
		AuthnStatement authn = build(AuthnStatement.DEFAULT_ELEMENT_NAME);
		authn.setAuthnInstant(now);
		AuthnContext context = build(AuthnContext.DEFAULT_ELEMENT_NAME);
		AuthnContextClassRef classRef = build(AuthnContextClassRef.DEFAULT_ELEMENT_NAME);
		classRef.setURI(AuthnContext.PPT_AUTHN_CTX);
		context.setAuthnContextClassRef(classRef);
		authn.setAuthnContext(context);
		assertion.getAuthnStatements().add(authn);
		AttributeStatement statement = build(AttributeStatement.DEFAULT_ELEMENT_NAME);
		spec.attributes.forEach((name, values) -> statement.getAttributes().add(attribute(name, values)));
		assertion.getAttributeStatements().add(statement);
		if (spec.signAssertion) {
			sign(assertion);
		}
		Response response = build(Response.DEFAULT_ELEMENT_NAME);
		response.setID("_" + UUID.randomUUID());
		response.setIssueInstant(now);
		response.setVersion(SAMLVersion.VERSION_20);
		response.setDestination(spec.destination);
		response.setInResponseTo(spec.inResponseTo);
		response.setIssuer(issuer(spec.issuer));
		Status status = build(Status.DEFAULT_ELEMENT_NAME);
		StatusCode code = build(StatusCode.DEFAULT_ELEMENT_NAME);
		code.setValue(StatusCode.SUCCESS);
		status.setStatusCode(code);
		response.setStatus(status);
		response.getAssertions().add(assertion);
		if (spec.signResponse) {
			sign(response);
		}
		try {
			return SerializeSupport.nodeToString(XMLObjectSupport.marshall(response));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String base64(String xml) {
		return Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8));
	}

	/** A fresh spec for a response to the given request, right in every respect. */
	Spec to(Started request) {
		return new Spec(this.entityId, request.acs(), request.audience(), request.requestId());
	}

	/** An unsolicited (IdP-initiated) response for the assertion consumer URL. */
	Spec unsolicited(String acs, String audience) {
		return new Spec(this.entityId, acs, audience, null);
	}

	private void sign(SignableSAMLObject object) {
		SignatureSigningParameters parameters = new SignatureSigningParameters();
		parameters.setSigningCredential(this.credential);
		parameters.setSignatureAlgorithm(SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256);
		parameters.setSignatureReferenceDigestMethod(SignatureConstants.ALGO_ID_DIGEST_SHA256);
		parameters.setSignatureCanonicalizationAlgorithm(SignatureConstants.ALGO_ID_C14N_EXCL_OMIT_COMMENTS);
		X509KeyInfoGeneratorFactory keyInfo = new X509KeyInfoGeneratorFactory();
		keyInfo.setEmitEntityCertificate(true);
		parameters.setKeyInfoGenerator(keyInfo.newInstance());
		try {
			SignatureSupport.signObject(object, parameters);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Issuer issuer(String value) {
		Issuer issuer = build(Issuer.DEFAULT_ELEMENT_NAME);
		issuer.setValue(value);
		return issuer;
	}

	private static Attribute attribute(String name, List<String> values) {
		Attribute attribute = build(Attribute.DEFAULT_ELEMENT_NAME);
		attribute.setName(name);
		for (String value : values) {
			XSString text = XMLObjectProviderRegistrySupport.getBuilderFactory()
				.<XSString>getBuilderOrThrow(XSString.TYPE_NAME)
				.buildObject(AttributeValue.DEFAULT_ELEMENT_NAME, XSString.TYPE_NAME);
			text.setValue(value);
			attribute.getAttributeValues().add(text);
		}
		return attribute;
	}

	@SuppressWarnings("unchecked")
	private static <T> T build(QName name) {
		return (T) XMLObjectProviderRegistrySupport.getBuilderFactory().getBuilderOrThrow(name).buildObject(name);
	}

	private static BasicX509Credential newCredential(String entityId) {
		try {
			BouncyCastleProvider bc = new BouncyCastleProvider();
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA", bc);
			generator.initialize(2048, new SecureRandom());
			KeyPair pair = generator.generateKeyPair();
			X500Name name = new X500Name("CN=Test identity provider");
			Instant now = Instant.now();
			X509Certificate certificate = new JcaX509CertificateConverter().setProvider(bc)
				.getCertificate(new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
						java.util.Date.from(now.minus(Duration.ofDays(1))),
						java.util.Date.from(now.plus(Duration.ofDays(30))), name, pair.getPublic())
					.build(new JcaContentSignerBuilder("SHA256withRSA").setProvider(bc).build(pair.getPrivate())));
			return new BasicX509Credential(certificate, pair.getPrivate());
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot make a key for " + entityId, ex);
		}
	}

	/** Parses XML for tampering in tests (namespace-aware, no DTDs). */
	static Document dom(String xml) {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String xml(Document document) {
		try {
			var transformer = TransformerFactory.newInstance().newTransformer();
			transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
			StringWriter out = new StringWriter();
			transformer.transform(new DOMSource(document), new StreamResult(out));
			return out.toString();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	static List<Element> children(Element parent, String namespace, String localName) {
		List<Element> found = new ArrayList<>();
		for (var node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node instanceof Element element && namespace.equals(element.getNamespaceURI())
					&& localName.equals(element.getLocalName())) {
				found.add(element);
			}
		}
		return found;
	}

	/** What the identity provider asserts; public fields, so a test can get one wrong. */
	static final class Spec {

		String issuer;

		String assertionId = "_" + UUID.randomUUID();

		String nameId = "e-" + UUID.randomUUID();

		String nameIdFormat = NameIDType.PERSISTENT;

		String recipient;

		String destination;

		String audience;

		String inResponseTo;

		Instant notOnOrAfter = Instant.now().plus(Duration.ofMinutes(5));

		boolean signAssertion = true;

		boolean signResponse;

		final Map<String, List<String>> attributes = new LinkedHashMap<>();

		Spec(String issuer, String acs, String audience, String inResponseTo) {
			this.issuer = issuer;
			this.recipient = acs;
			this.destination = acs;
			this.audience = audience;
			this.inResponseTo = inResponseTo;
		}

		/**
		 * An employee as the tenants' attribute mapping expects (mail, givenName, ...).
		 */
		Spec employee(String email, String givenName, String surname, String status, String... groups) {
			this.attributes.put("mail", List.of(email));
			this.attributes.put("givenName", List.of(givenName));
			this.attributes.put("sn", List.of(surname));
			this.attributes.put("employeeNumber", List.of("E-" + Math.abs(email.hashCode())));
			this.attributes.put("employmentStatus", List.of(status));
			this.attributes.put("memberOf", List.of(groups));
			return this;
		}

	}

	/** An SP-initiated sign-in as the application started it. */
	record Started(org.springframework.mock.web.MockHttpSession session, String requestId, String relayState,
			String acs, String audience) {
	}

}

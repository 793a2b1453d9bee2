package org.consilium.identity.devidp;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import javax.xml.namespace.QName;

import jakarta.servlet.http.HttpServletRequest;
import org.consilium.identity.internal.LocalIdpMetadata;
import org.consilium.tenant.Tenant;
import org.consilium.tenant.TenantId;
import org.consilium.tenant.Tenants;
import org.consilium.tenantconfig.SamlProvider;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.core.xml.config.XMLObjectProviderRegistrySupport;
import org.opensaml.core.xml.schema.XSString;
import org.opensaml.core.xml.util.XMLObjectSupport;
import org.opensaml.saml.common.SAMLVersion;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.Attribute;
import org.opensaml.saml.saml2.core.AttributeStatement;
import org.opensaml.saml.saml2.core.AttributeValue;
import org.opensaml.saml.saml2.core.Audience;
import org.opensaml.saml.saml2.core.AudienceRestriction;
import org.opensaml.saml.saml2.core.AuthnContext;
import org.opensaml.saml.saml2.core.AuthnContextClassRef;
import org.opensaml.saml.saml2.core.AuthnRequest;
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
import net.shibboleth.utilities.java.support.xml.SerializeSupport;

import org.springframework.context.annotation.Profile;
import org.springframework.security.saml2.core.OpenSamlInitializationService;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.HtmlUtils;

/**
 * The development identity provider of every programme whose SAML metadata URL points at
 * {@code /dev-idp/<slug>/metadata} on a local host: its metadata, the authentication
 * requests it receives and the signed responses it sends — real SAML, signed with a key
 * made at start-up ({@link DevIdpKeys}). Its metadata is handed to the sign-in in-process
 * ({@link LocalIdpMetadata}): the JVM cannot resolve {@code ops.localhost}.
 */
@Component
@Profile("dev")
class DevIdentityProvider implements LocalIdpMetadata {

	static final Duration VALIDITY = Duration.ofMinutes(5);

	static {
		OpenSamlInitializationService.initialize();
	}

	private final Tenants tenants;

	private final DevIdpKeys keys;

	DevIdentityProvider(Tenants tenants, DevIdpKeys keys) {
		this.tenants = tenants;
		this.keys = keys;
	}

	/** The programme and its provider served at {@code /dev-idp/<slug>/}, if any. */
	Optional<Target> target(String slug) {
		Optional<Tenant> tenant;
		try {
			tenant = this.tenants.find(TenantId.of(slug));
		}
		catch (IllegalArgumentException notASlug) {
			return Optional.empty();
		}
		return tenant.flatMap((t) -> t.config()
			.identity()
			.samlProviders()
			.stream()
			.filter((provider) -> provider.metadata()
				.url()
				.map((url) -> servedHere(URI.create(url), slug))
				.orElse(false))
			.findFirst()
			.map((provider) -> new Target(t, provider)));
	}

	@Override
	public Optional<String> metadataFor(URI url) {
		String[] path = (url.getPath() != null) ? url.getPath().split("/") : new String[0];
		if (path.length != 4 || !servedHere(url, path[2])) {
			return Optional.empty();
		}
		// The identity provider answers on the port this application is reached on.
		int port = currentRequest().map(HttpServletRequest::getServerPort).orElse(url.getPort());
		String base = url.getScheme() + "://" + url.getHost() + (isDefault(url.getScheme(), port) ? "" : ":" + port);
		return target(path[2]).map((target) -> metadata(target, base));
	}

	String metadata(Target target, String base) {
		String certificate;
		try {
			certificate = Base64.getEncoder()
				.encodeToString(this.keys.credential().getEntityCertificate().getEncoded());
		}
		catch (CertificateEncodingException ex) {
			throw new IllegalStateException(ex);
		}
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" \
				xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="%s">
				  <md:IDPSSODescriptor WantAuthnRequestsSigned="false" \
				protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
				    <md:KeyDescriptor use="signing">
				      <ds:KeyInfo><ds:X509Data><ds:X509Certificate>%s</ds:X509Certificate></ds:X509Data></ds:KeyInfo>
				    </md:KeyDescriptor>
				    <md:NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:persistent</md:NameIDFormat>
				    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" \
				Location="%s/dev-idp/%s/sso"/>
				  </md:IDPSSODescriptor>
				</md:EntityDescriptor>
				""".formatted(HtmlUtils.htmlEscape(target.provider().entityId()), certificate,
				HtmlUtils.htmlEscape(base), target.tenant().id().value());
	}

	/**
	 * Reads an authentication request as the HTTP-Redirect binding carries it (deflated,
	 * base64), and checks that it asks for an answer at this programme's own assertion
	 * consumer: the development identity provider signs for nobody else.
	 */
	Optional<Request> read(Target target, String samlRequest) {
		try {
			byte[] deflated = Base64.getMimeDecoder().decode(samlRequest);
			Inflater inflater = new Inflater(true);
			inflater.setInput(deflated);
			ByteArrayOutputStream xml = new ByteArrayOutputStream();
			byte[] buffer = new byte[4096];
			while (!inflater.finished() && xml.size() < 100_000) {
				int n = inflater.inflate(buffer);
				if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
					break;
				}
				xml.write(buffer, 0, n);
			}
			inflater.end();
			XMLObject parsed = XMLObjectSupport.unmarshallFromInputStream(
					XMLObjectProviderRegistrySupport.getParserPool(), new ByteArrayInputStream(xml.toByteArray()));
			if (!(parsed instanceof AuthnRequest request) || request.getAssertionConsumerServiceURL() == null) {
				return Optional.empty();
			}
			return acs(target, URI.create(request.getAssertionConsumerServiceURL()))
				.map((acs) -> new Request(request.getID(), acs));
		}
		catch (IllegalArgumentException | DataFormatException | org.opensaml.core.xml.io.UnmarshallingException
				| net.shibboleth.utilities.java.support.xml.XMLParserException ex) {
			return Optional.empty();
		}
	}

	/**
	 * The assertion consumer of the programme's provider at the given URL, if it is one.
	 */
	Optional<URI> acs(Target target, URI candidate) {
		boolean ownHost = target.tenant().config().hosts().contains(candidate.getHost());
		boolean ownPath = ("/login/saml2/sso/" + target.provider().id()).equals(candidate.getPath());
		boolean web = "http".equals(candidate.getScheme()) || "https".equals(candidate.getScheme());
		return (ownHost && ownPath && web && candidate.getQuery() == null) ? Optional.of(candidate) : Optional.empty();
	}

	/**
	 * A response for the employee, signed (the assertion and the response), for the
	 * request it answers or, with {@code inResponseTo} null, unsolicited.
	 */
	String signedResponse(Target target, DevIdpEmployees.Employee employee, URI acs, String inResponseTo) {
		Instant now = Instant.now();
		String slug = target.tenant().id().value();
		String audience = acs.getScheme() + "://" + acs.getAuthority() + "/saml2/service-provider-metadata/"
				+ target.provider().id();
		Assertion assertion = build(Assertion.DEFAULT_ELEMENT_NAME);
		assertion.setID("_" + UUID.randomUUID());
		assertion.setIssueInstant(now);
		assertion.setVersion(SAMLVersion.VERSION_20);
		assertion.setIssuer(issuer(target));
		Subject subject = build(Subject.DEFAULT_ELEMENT_NAME);
		NameID nameId = build(NameID.DEFAULT_ELEMENT_NAME);
		nameId.setFormat(NameIDType.PERSISTENT);
		nameId.setValue(employee.nameId(slug));
		subject.setNameID(nameId);
		SubjectConfirmation confirmation = build(SubjectConfirmation.DEFAULT_ELEMENT_NAME);
		confirmation.setMethod(SubjectConfirmation.METHOD_BEARER);
		SubjectConfirmationData data = build(SubjectConfirmationData.DEFAULT_ELEMENT_NAME);
		data.setRecipient(acs.toString());
		data.setNotOnOrAfter(now.plus(VALIDITY));
		data.setInResponseTo(inResponseTo);
		confirmation.setSubjectConfirmationData(data);
		subject.getSubjectConfirmations().add(confirmation);
		assertion.setSubject(subject);
		Conditions conditions = build(Conditions.DEFAULT_ELEMENT_NAME);
		conditions.setNotBefore(now.minusSeconds(30));
		conditions.setNotOnOrAfter(now.plus(VALIDITY));
		AudienceRestriction restriction = build(AudienceRestriction.DEFAULT_ELEMENT_NAME);
		Audience audienceElement = build(Audience.DEFAULT_ELEMENT_NAME);
		audienceElement.setURI(audience);
		restriction.getAudiences().add(audienceElement);
		conditions.getAudienceRestrictions().add(restriction);
		assertion.setConditions(conditions);
		AuthnStatement authn = build(AuthnStatement.DEFAULT_ELEMENT_NAME);
		authn.setAuthnInstant(now);
		authn.setSessionIndex("_" + UUID.randomUUID());
		AuthnContext context = build(AuthnContext.DEFAULT_ELEMENT_NAME);
		AuthnContextClassRef classRef = build(AuthnContextClassRef.DEFAULT_ELEMENT_NAME);
		classRef.setURI(AuthnContext.PPT_AUTHN_CTX);
		context.setAuthnContextClassRef(classRef);
		authn.setAuthnContext(context);
		assertion.getAuthnStatements().add(authn);
		assertion.getAttributeStatements().add(attributes(target.provider(), employee, slug));
		sign(assertion);

		Response response = build(Response.DEFAULT_ELEMENT_NAME);
		response.setID("_" + UUID.randomUUID());
		response.setIssueInstant(now);
		response.setVersion(SAMLVersion.VERSION_20);
		response.setDestination(acs.toString());
		response.setInResponseTo(inResponseTo);
		response.setIssuer(issuer(target));
		Status status = build(Status.DEFAULT_ELEMENT_NAME);
		StatusCode code = build(StatusCode.DEFAULT_ELEMENT_NAME);
		code.setValue(StatusCode.SUCCESS);
		status.setStatusCode(code);
		response.setStatus(status);
		response.getAssertions().add(assertion);
		sign(response);
		try {
			String xml = SerializeSupport.nodeToString(XMLObjectSupport.marshall(response));
			return Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8));
		}
		catch (org.opensaml.core.xml.io.MarshallingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private AttributeStatement attributes(SamlProvider provider, DevIdpEmployees.Employee employee, String slug) {
		SamlProvider.AttributeMapping mapping = provider.attributes();
		AttributeStatement statement = build(AttributeStatement.DEFAULT_ELEMENT_NAME);
		statement.getAttributes().add(attribute(mapping.email(), List.of(employee.email(slug))));
		mapping.firstName()
			.ifPresent((name) -> statement.getAttributes().add(attribute(name, List.of(employee.givenName()))));
		mapping.lastName()
			.ifPresent((name) -> statement.getAttributes().add(attribute(name, List.of(employee.surname()))));
		mapping.employeeId()
			.ifPresent((name) -> statement.getAttributes().add(attribute(name, List.of(employee.employeeNumber()))));
		mapping.groups().ifPresent((name) -> statement.getAttributes().add(attribute(name, employee.groups())));
		String status = provider.eligibility().map((rule) -> rule.attribute()).orElse("employmentStatus");
		statement.getAttributes().add(attribute(status, List.of(employee.employmentStatus())));
		return statement;
	}

	private static Attribute attribute(String name, List<String> values) {
		Attribute attribute = build(Attribute.DEFAULT_ELEMENT_NAME);
		attribute.setName(name);
		attribute.setNameFormat(Attribute.BASIC);
		for (String value : values) {
			XSString text = XMLObjectProviderRegistrySupport.getBuilderFactory()
				.<XSString>getBuilderOrThrow(XSString.TYPE_NAME)
				.buildObject(AttributeValue.DEFAULT_ELEMENT_NAME, XSString.TYPE_NAME);
			text.setValue(value);
			attribute.getAttributeValues().add(text);
		}
		return attribute;
	}

	private static Issuer issuer(Target target) {
		Issuer issuer = build(Issuer.DEFAULT_ELEMENT_NAME);
		issuer.setValue(target.provider().entityId());
		return issuer;
	}

	private void sign(org.opensaml.saml.common.SignableSAMLObject object) {
		BasicX509Credential credential = this.keys.credential();
		SignatureSigningParameters parameters = new SignatureSigningParameters();
		parameters.setSigningCredential(credential);
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
			throw new IllegalStateException("Could not sign " + object.getElementQName(), ex);
		}
	}

	@SuppressWarnings("unchecked")
	private static <T> T build(QName name) {
		return (T) XMLObjectProviderRegistrySupport.getBuilderFactory().getBuilderOrThrow(name).buildObject(name);
	}

	private static boolean servedHere(URI url, String slug) {
		String host = (url.getHost() != null) ? url.getHost() : "";
		boolean local = host.equals("localhost") || host.equals("127.0.0.1") || host.endsWith(".localhost");
		return local && ("/dev-idp/" + slug + "/metadata").equals(url.getPath());
	}

	private static boolean isDefault(String scheme, int port) {
		return port < 0 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
	}

	private static Optional<HttpServletRequest> currentRequest() {
		return (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)
				? Optional.of(attributes.getRequest()) : Optional.empty();
	}

	record Target(Tenant tenant, SamlProvider provider) {
	}

	record Request(String id, URI acs) {
	}

}

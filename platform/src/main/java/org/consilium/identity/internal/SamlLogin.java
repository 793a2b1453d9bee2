package org.consilium.identity.internal;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.consilium.audit.AuditEntry;
import org.consilium.audit.AuditLog;
import org.consilium.tenant.TenantContext;

import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.saml2.Saml2LoginConfigurer;
import org.springframework.security.config.annotation.web.configurers.saml2.Saml2MetadataConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.saml2.Saml2Exception;
import org.springframework.security.saml2.core.Saml2Error;
import org.springframework.security.saml2.core.Saml2ErrorCodes;
import org.springframework.security.saml2.core.Saml2ParameterNames;
import org.springframework.security.saml2.provider.service.authentication.OpenSaml4AuthenticationProvider;
import org.springframework.security.saml2.provider.service.authentication.Saml2AuthenticationException;
import org.springframework.security.saml2.provider.service.authentication.Saml2AuthenticationToken;
import org.springframework.security.saml2.provider.service.metadata.OpenSaml4MetadataResolver;
import org.springframework.security.saml2.provider.service.web.OpenSaml4AuthenticationTokenConverter;
import org.springframework.security.saml2.provider.service.web.authentication.OpenSaml4AuthenticationRequestResolver;
import org.springframework.security.saml2.provider.service.web.authentication.Saml2AuthenticationRequestResolver;
import org.springframework.security.saml2.provider.service.web.metadata.RequestMatcherMetadataResponseResolver;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.stereotype.Component;

/**
 * SAML single sign-on in the UI filter chain: SP-initiated sign-in at
 * {@code /saml2/authenticate/{id}}, the assertion consumer at
 * {@code /login/saml2/sso/{id}}, our metadata at
 * {@code /saml2/service-provider-metadata/{id}} — all for the providers of the request's
 * tenant only ({@link SamlRegistrations}).
 * <p>
 * Checks, in order: the XML itself ({@link SamlXmlScreen}); Spring's signature checks
 * (the response or every assertion signed by a key in the provider's metadata); the
 * response ({@link SamlResponseValidator}); each assertion
 * ({@link SamlAssertionValidator}, the OpenSAML 4.0.1 workaround); then
 * {@link SamlSignIn}. Every refusal is audited as {@code SSO_REJECTED} and leads to a
 * page that says what to do, without a session. See
 * docs/decisions/011-saml-sign-in-per-tenant.md.
 */
@Component
class SamlLogin {

	private final SamlRegistrations registrations;

	private final SamlAuthnRequests requests;

	private final SamlSignIn signIn;

	private final SamlTestSignIns tests;

	private final AuditLog audit;

	SamlLogin(SamlRegistrations registrations, SamlAuthnRequests requests, SamlSignIn signIn, SamlTestSignIns tests,
			AuditLog audit) {
		this.registrations = registrations;
		this.requests = requests;
		this.signIn = signIn;
		this.tests = tests;
		this.audit = audit;
	}

	void configure(Saml2LoginConfigurer<HttpSecurity> saml) {
		saml.relyingPartyRegistrationRepository(this.registrations)
			.authenticationRequestResolver(requestResolver())
			.authenticationConverter(converter())
			// Not a bean: a second AuthenticationProvider bean would stop Spring Boot
			// from
			// using the password provider for the form sign-in.
			.authenticationManager(new ProviderManager(provider()))
			.loginPage("/login")
			.successHandler(this::succeeded)
			.failureHandler(this::failed);
	}

	void configure(Saml2MetadataConfigurer<HttpSecurity> metadata) {
		RequestMatcherMetadataResponseResolver resolver = new RequestMatcherMetadataResponseResolver(this.registrations,
				new OpenSaml4MetadataResolver());
		resolver.setRequestMatcher(
				PathPatternRequestMatcher.withDefaults().matcher("/saml2/service-provider-metadata/{registrationId}"));
		metadata.metadataResponseResolver((request) -> {
			try {
				return resolver.resolve(request);
			}
			catch (Saml2Exception unknownHere) {
				// Another tenant's provider, or none: the page is simply not found here.
				return null;
			}
		});
	}

	/**
	 * Spring's resolver, except that a test sign-in's request carries the test in its
	 * RelayState and asks the identity provider to authenticate afresh, so the admin can
	 * test as another person than the one already signed in there.
	 */
	private Saml2AuthenticationRequestResolver requestResolver() {
		OpenSaml4AuthenticationRequestResolver resolver = new OpenSaml4AuthenticationRequestResolver(
				this.registrations);
		resolver.setRelayStateResolver(
				(request) -> this.tests.relayState(request).orElseGet(() -> UUID.randomUUID().toString()));
		resolver.setAuthnRequestCustomizer((context) -> {
			if (this.tests.relayState(context.getRequest()).isPresent()) {
				context.getAuthnRequest().setForceAuthn(true);
			}
		});
		return resolver;
	}

	private AuthenticationConverter converter() {
		OpenSaml4AuthenticationTokenConverter delegate = new OpenSaml4AuthenticationTokenConverter(this.registrations);
		delegate.setAuthenticationRequestRepository(this.requests);
		return (request) -> {
			if (request.getParameter(Saml2ParameterNames.SAML_RESPONSE) != null
					&& !HttpMethod.POST.matches(request.getMethod())) {
				throw new Saml2AuthenticationException(
						new Saml2Error(Saml2ErrorCodes.INVALID_RESPONSE, "SAML responses must arrive by HTTP POST"));
			}
			String registrationId = registrationId(request);
			if (registrationId == null) {
				// Checked before anything reads the response: Spring would otherwise
				// parse
				// it to look for a registration by its Issuer, which we never use.
				throw new Saml2AuthenticationException(
						new Saml2Error(Saml2ErrorCodes.RELYING_PARTY_REGISTRATION_NOT_FOUND,
								"No provider of this site at " + request.getRequestURI()));
			}
			try {
				Saml2AuthenticationToken token = delegate.convert(request);
				return (token != null && this.tests.isTest(request)) ? this.tests.mark(token, request) : token;
			}
			catch (AuthenticationException ex) {
				throw ex;
			}
			catch (RuntimeException ex) {
				// Unreadable XML or base64: a refusal like any other, not a server error.
				throw new Saml2AuthenticationException(new Saml2Error(Saml2ErrorCodes.MALFORMED_RESPONSE_DATA,
						"Unreadable response: " + ex.getMessage()), ex);
			}
		};
	}

	private AuthenticationProvider provider() {
		OpenSaml4AuthenticationProvider openSaml = new OpenSaml4AuthenticationProvider();
		// The OpenSAML 4.0.1 workaround: never Spring's
		// createDefaultAssertionValidator*().
		openSaml.setAssertionValidator(new SamlAssertionValidator());
		openSaml.setResponseValidator(new SamlResponseValidator(this.registrations));
		// A test's response is reported, never signed in (decision 024).
		openSaml
			.setResponseAuthenticationConverter((response) -> (response.getToken() instanceof SamlTestSignIns.TestToken)
					? this.tests.complete(response) : this.signIn.signIn(response));
		return new AuthenticationProvider() {

			@Override
			public Authentication authenticate(Authentication authentication) {
				Saml2AuthenticationToken token = (Saml2AuthenticationToken) authentication;
				SamlXmlScreen.problem(token.getSaml2Response()).ifPresent((problem) -> {
					throw new SsoRejection(SsoRejection.FORBIDDEN_XML, "Refused before parsing: " + problem);
				});
				return openSaml.authenticate(token);
			}

			@Override
			public boolean supports(Class<?> authentication) {
				return Saml2AuthenticationToken.class.isAssignableFrom(authentication);
			}

		};
	}

	private void succeeded(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
			throws IOException {
		HttpSession session = request.getSession(false);
		if (session != null) {
			// The session limits start afresh with this sign-in.
			session.removeAttribute(SessionLimitsGuard.SIGNED_IN_AT);
		}
		response.sendRedirect(request.getContextPath() + "/");
	}

	private void failed(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
			throws IOException {
		if (this.tests.isTest(request)) {
			this.tests.finish(request, response, exception);
			return;
		}
		String code = (exception instanceof Saml2AuthenticationException saml) ? saml.getSaml2Error().getErrorCode()
				: "internal";
		String description = (exception instanceof Saml2AuthenticationException saml)
				? saml.getSaml2Error().getDescription() : exception.getMessage();
		String nameId = (exception instanceof SsoRejection rejection) ? rejection.nameId() : null;
		String registrationId = registrationId(request);
		AuditEntry entry = AuditEntry.of("SSO_REJECTED").details(code + ": " + description);
		TenantContext.runAs(Partitions.currentSite(), () -> this.audit
			.record((nameId != null) ? entry.subject("name-id", nameId) : entry.subject("provider", registrationId)));
		response.sendRedirect(request.getContextPath() + "/sso-problem?reason=" + SsoRejection.pageReason(code)
				+ ((registrationId != null) ? "&provider=" + URLEncoder.encode(registrationId, StandardCharsets.UTF_8)
						: ""));
	}

	/** The provider named by the assertion consumer URL, if it is one of this site's. */
	private String registrationId(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		String prefix = "/login/saml2/sso/";
		if (!path.startsWith(prefix)) {
			return null;
		}
		String id = path.substring(prefix.length());
		return this.registrations.current(id).isPresent() ? id : null;
	}

}

package org.consilium.identity.internal;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers SAML URLs that name no provider of this site — another tenant's, a mistyped
 * one, or one whose metadata cannot be read right now — before Spring's SAML filters
 * would let them through to the UI: starting a sign-in leads to the page that says this
 * sign-in is not available here, and our metadata is simply not found.
 */
@Component
class SamlUnknownProviders extends OncePerRequestFilter {

	private static final Pattern AUTHENTICATE = Pattern.compile("/saml2/authenticate/([^/]+)");

	private static final Pattern METADATA = Pattern.compile("/saml2/service-provider-metadata/([^/]+)");

	private final SamlRegistrations registrations;

	SamlUnknownProviders(SamlRegistrations registrations) {
		this.registrations = registrations;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		Matcher authenticate = AUTHENTICATE.matcher(path);
		if (authenticate.matches() && unknown(authenticate.group(1))) {
			response.sendRedirect(request.getContextPath() + "/sso-problem?reason=unavailable");
			return;
		}
		Matcher metadata = METADATA.matcher(path);
		if (metadata.matches() && unknown(metadata.group(1))) {
			response.sendError(HttpServletResponse.SC_NOT_FOUND);
			return;
		}
		chain.doFilter(request, response);
	}

	private boolean unknown(String registrationId) {
		return this.registrations.findByRegistrationId(registrationId) == null;
	}

}

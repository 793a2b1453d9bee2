package org.consilium.identity.internal;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Vaadin's security configurer exempts the sign-in form post from CSRF tokens (its login
 * form cannot send one). Without a check, another site could sign a visitor into an
 * attacker's account ("login CSRF") and collect what the visitor then uploads. Browsers
 * send {@code Origin} on every form post, so a sign-in posted from another origin is
 * refused.
 */
@Component
class LoginOriginGuard extends OncePerRequestFilter {

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !("POST".equals(request.getMethod()) && "/login".equals(request.getRequestURI()));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String origin = request.getHeader("Origin");
		if (origin != null && !sameSite(origin, request)) {
			SecurityConfiguration.problem(response, HttpStatus.FORBIDDEN, "Sign-in must come from this site.");
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean sameSite(String origin, HttpServletRequest request) {
		try {
			URI uri = URI.create(origin);
			return request.getServerName().equalsIgnoreCase(uri.getHost());
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}

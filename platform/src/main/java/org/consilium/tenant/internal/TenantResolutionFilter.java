package org.consilium.tenant.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.consilium.tenant.Site;
import org.consilium.tenant.TenancyProperties;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.Tenants;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Resolves the site of every request from its host (the {@code Host} the client connected
 * to; never a custom header or a parameter) before anything else runs, including
 * security. A tenant host sets the tenant for the request and clears it in
 * {@code finally}; a suspended tenant's host ends any session and shows the suspended
 * page (503) to every request, the REST API and token endpoint included; an unknown host
 * gets a plain 404 page; the bare host shows the directory of programmes or redirects, as
 * configured.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class TenantResolutionFilter extends OncePerRequestFilter {

	/** Request attribute holding the resolved {@link Site}. */
	static final String SITE = Site.class.getName();

	private final Tenants tenants;

	private final TenancyProperties properties;

	private final TenantPages pages;

	TenantResolutionFilter(Tenants tenants, TenancyProperties properties, TenantPages pages) {
		this.tenants = tenants;
		this.properties = properties;
		this.pages = pages;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (isHealthCheck(request)) {
			// Load balancers probe by address; health carries no tenant data.
			chain.doFilter(request, response);
			return;
		}
		Site site = this.tenants.siteFor(request.getServerName());
		request.setAttribute(SITE, site);
		if (site instanceof Site.TenantSite tenantSite) {
			if (!tenantSite.tenant().isActive()) {
				// Signed out, not merely turned away: the session is gone on this node
				// now,
				// and on every other node at its next request there (decision 022).
				HttpSession session = request.getSession(false);
				if (session != null) {
					invalidate(session);
				}
				this.pages.unavailable(request, response);
				return;
			}
			try (TenantContext.Scope scope = TenantContext.enter(tenantSite.tenant().id())) {
				chain.doFilter(request, response);
			}
		}
		else if (site instanceof Site.OperatorSite) {
			chain.doFilter(request, response);
		}
		else if (site instanceof Site.BareSite) {
			bareHost(request, response);
		}
		else {
			this.pages.noProgramme(request, response);
		}
	}

	private void bareHost(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (this.properties.bareHostMode() == TenancyProperties.BareHostMode.REDIRECT) {
			var target = this.tenants.find(org.consilium.tenant.TenantId.of(this.properties.redirectTenant()));
			if (target.isPresent()) {
				response.sendRedirect(this.pages.siteUrl(request, target.get().config().canonicalHost()));
				return;
			}
		}
		if ("/".equals(request.getRequestURI())) {
			this.pages.directory(request, response, this.tenants.all());
		}
		else {
			this.pages.noProgramme(request, response);
		}
	}

	static void invalidate(HttpSession session) {
		try {
			session.invalidate();
		}
		catch (IllegalStateException alreadyInvalid) {
			// Nothing left to end.
		}
	}

	private static boolean isHealthCheck(HttpServletRequest request) {
		String uri = request.getRequestURI();
		return uri.equals("/actuator/health") || uri.startsWith("/actuator/health/");
	}

}

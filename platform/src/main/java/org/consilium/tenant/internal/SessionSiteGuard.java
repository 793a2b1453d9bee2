package org.consilium.tenant.internal;

import java.io.IOException;
import java.time.Instant;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.consilium.tenant.CrossSiteSessionRejected;
import org.consilium.tenant.Site;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Binds every HTTP session to the site it was created on and refuses it anywhere else,
 * before security or Vaadin see the request. Browsers never send one host's cookie to
 * another, so a session on the wrong site is a replayed or forged cookie: the request is
 * refused outright (a Vaadin session holds rendered tenant data, so treating it as
 * anonymous would not be enough). A session older than its tenant's last suspension is
 * ended: suspending a programme signs its users out.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class SessionSiteGuard extends OncePerRequestFilter {

	static final String SITE_KEY = SessionSiteGuard.class.getName() + ".site";

	private final ApplicationEventPublisher events;

	private final TenantPages pages;

	SessionSiteGuard(ApplicationEventPublisher events, TenantPages pages) {
		this.events = events;
		this.pages = pages;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String site = siteKey(request);
		if (site == null) {
			chain.doFilter(request, response);
			return;
		}
		HttpSession session = request.getSession(false);
		Object bound = (session != null) ? session.getAttribute(SITE_KEY) : null;
		if (bound != null && !bound.equals(site)) {
			this.events.publishEvent(new CrossSiteSessionRejected(bound.toString(), site, request.getRequestURI()));
			this.pages.wrongSite(request, response);
			return;
		}
		if (session != null && signedOutSince(request, session)) {
			// The tenant was suspended after this session began: it ends here, whichever
			// node it comes to and even if the tenant is active again (decision 022).
			TenantResolutionFilter.invalidate(session);
		}
		try {
			chain.doFilter(request, response);
		}
		finally {
			HttpSession created = request.getSession(false);
			if (created != null && created.getAttribute(SITE_KEY) == null) {
				created.setAttribute(SITE_KEY, site);
			}
		}
	}

	private static boolean signedOutSince(HttpServletRequest request, HttpSession session) {
		if (!(request.getAttribute(TenantResolutionFilter.SITE) instanceof Site.TenantSite tenantSite)) {
			return false;
		}
		try {
			return tenantSite.tenant().signedOutAfter(Instant.ofEpochMilli(session.getCreationTime()));
		}
		catch (IllegalStateException alreadyInvalid) {
			return false;
		}
	}

	/** A stable name of the request's site: the tenant id, or "operator". */
	static String siteKey(HttpServletRequest request) {
		Object site = request.getAttribute(TenantResolutionFilter.SITE);
		if (site instanceof Site.TenantSite tenantSite) {
			return "tenant:" + tenantSite.tenant().id().value();
		}
		if (site instanceof Site.OperatorSite) {
			return "operator";
		}
		return null;
	}

}

package org.consilium.tenant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Absolute links to the current programme's own site, for e-mails sent while working on
 * the operator site or outside any request (jobs, webhooks): {@code SiteLinks} would use
 * the host of the request, where no doctor or patient can sign in.
 */
@Component
public class TenantLinks {

	private final Tenants tenants;

	private final String siteUrl;

	TenantLinks(Tenants tenants, @Value("${consilium.links.site-url}") String siteUrl) {
		this.tenants = tenants;
		this.siteUrl = siteUrl;
	}

	/** An absolute link to {@code path} on the current programme's site. */
	public String to(String path) {
		return this.siteUrl.replace("{host}", this.tenants.current().config().canonicalHost()) + path;
	}

}

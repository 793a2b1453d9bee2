package org.consilium.identity.internal;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Absolute links back to the site the request came to (scheme, host and port as the user
 * sees them), for e-mails.
 */
final class SiteLinks {

	private SiteLinks() {
	}

	static String to(String path) {
		if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
			throw new IllegalStateException("Links can only be made while serving a request");
		}
		HttpServletRequest request = attributes.getRequest();
		int port = request.getServerPort();
		boolean defaultPort = ("http".equals(request.getScheme()) && port == 80)
				|| ("https".equals(request.getScheme()) && port == 443);
		return request.getScheme() + "://" + request.getServerName() + (defaultPort ? "" : ":" + port) + "/" + path;
	}

}

package org.consilium.tenant;

import java.util.Optional;

import com.vaadin.flow.server.VaadinServletRequest;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Absolute links back to the site the request came to (scheme, host and port as the user
 * sees them), for e-mails.
 */
public final class SiteLinks {

	private SiteLinks() {
	}

	/** An absolute link to {@code path} on the site the current request came to. */
	public static String to(String path) {
		HttpServletRequest request = Optional.ofNullable(VaadinServletRequest.getCurrent())
			.map(VaadinServletRequest::getHttpServletRequest)
			.or(() -> (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)
					? Optional.of(attributes.getRequest()) : Optional.empty())
			.orElseThrow(() -> new IllegalStateException("Links can only be made while serving a request"));
		int port = request.getServerPort();
		boolean defaultPort = ("http".equals(request.getScheme()) && port == 80)
				|| ("https".equals(request.getScheme()) && port == 443);
		return request.getScheme() + "://" + request.getServerName() + (defaultPort ? "" : ":" + port) + "/" + path;
	}

}

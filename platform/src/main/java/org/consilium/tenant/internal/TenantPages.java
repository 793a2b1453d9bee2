package org.consilium.tenant.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.consilium.tenant.TenancyProperties;
import org.consilium.tenant.Tenant;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The few pages served where no programme applies: no programme at this host (404), a
 * suspended programme (503), and the installation's directory of programmes on the bare
 * host. Plain HTML, no scripts, in the visitor's language (English or Spanish).
 */
@Component
class TenantPages {

	private static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.forLanguageTag("es"));

	private final MessageSource messages;

	private final TenancyProperties properties;

	TenantPages(MessageSource messages, TenancyProperties properties) {
		this.messages = messages;
		this.properties = properties;
	}

	void noProgramme(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Locale locale = locale(request);
		String body = "<p>" + text("site.unknown.body", locale, escape(request.getServerName())) + "</p>"
				+ directoryLink(request, locale);
		write(response, HttpServletResponse.SC_NOT_FOUND, locale, text("site.unknown.title", locale), body);
	}

	void unavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Locale locale = locale(request);
		write(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, locale, text("site.suspended.title", locale),
				"<p>" + text("site.suspended.body", locale) + "</p>");
	}

	void wrongSite(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Locale locale = locale(request);
		write(response, HttpServletResponse.SC_FORBIDDEN, locale, text("site.wrong-session.title", locale),
				"<p>" + text("site.wrong-session.body", locale) + "</p>");
	}

	void directory(HttpServletRequest request, HttpServletResponse response, List<Tenant> tenants) throws IOException {
		Locale locale = locale(request);
		StringBuilder body = new StringBuilder("<p>").append(text("site.directory.intro", locale)).append("</p><ul>");
		for (Tenant tenant : tenants) {
			if (!tenant.isActive()) {
				continue;
			}
			String url = siteUrl(request, tenant.config().canonicalHost());
			body.append("<li><a href=\"")
				.append(escape(url))
				.append("\"><img alt=\"\" src=\"")
				.append(escape(url))
				.append("branding/logo\" height=\"32\"><span>")
				.append(escape(tenant.config().displayName()))
				.append("</span></a></li>");
		}
		body.append("</ul>");
		if (!this.properties.operatorHosts().isEmpty()) {
			body.append("<p class=\"staff\"><a href=\"")
				.append(escape(siteUrl(request, this.properties.operatorHosts().get(0))))
				.append("\">")
				.append(text("site.directory.staff", locale))
				.append("</a></p>");
		}
		write(response, HttpServletResponse.SC_OK, locale, text("site.directory.title", locale), body.toString());
	}

	/** The root URL of a host, keeping the scheme and port the visitor used. */
	String siteUrl(HttpServletRequest request, String host) {
		int port = request.getServerPort();
		boolean defaultPort = ("http".equals(request.getScheme()) && port == 80)
				|| ("https".equals(request.getScheme()) && port == 443);
		return request.getScheme() + "://" + host + (defaultPort ? "" : ":" + port) + "/";
	}

	private String directoryLink(HttpServletRequest request, Locale locale) {
		if (this.properties.bareHosts().isEmpty()) {
			return "";
		}
		return "<p><a href=\"" + escape(siteUrl(request, this.properties.bareHosts().get(0))) + "\">"
				+ text("site.unknown.directory", locale) + "</a></p>";
	}

	private void write(HttpServletResponse response, int status, Locale locale, String title, String body)
			throws IOException {
		response.setStatus(status);
		response.setContentType("text/html;charset=UTF-8");
		response.setHeader("Cache-Control", "no-store");
		response.setHeader("Content-Security-Policy", "default-src 'none'; img-src *; style-src 'unsafe-inline'");
		PrintWriter out = response.getWriter();
		out.write("<!DOCTYPE html><html lang=\"" + locale.getLanguage() + "\"><head><meta charset=\"utf-8\">"
				+ "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + title
				+ "</title><style>body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;max-width:40rem;"
				+ "margin:4rem auto;padding:0 1rem;color:#1f2933;line-height:1.5}h1{font-size:1.6rem}"
				+ "ul{list-style:none;padding:0}li a{display:flex;gap:.75rem;align-items:center;padding:.75rem;"
				+ "border:1px solid #d9dee3;border-radius:.5rem;margin:.5rem 0;text-decoration:none;color:inherit}"
				+ "li a:hover{border-color:#1a5fb4}.staff{margin-top:2rem;font-size:.9rem}</style></head><body><h1>"
				+ title + "</h1>" + body + "</body></html>");
	}

	private String text(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args, locale);
	}

	private static Locale locale(HttpServletRequest request) {
		for (Locale requested : Collections.list(request.getLocales())) {
			for (Locale supported : SUPPORTED) {
				if (supported.getLanguage().equals(requested.getLanguage())) {
					return supported;
				}
			}
		}
		return Locale.ENGLISH;
	}

	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text);
	}

}

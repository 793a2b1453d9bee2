package org.consilium.identity.devidp;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The development identity provider's pages, under {@code /dev-idp/<slug>/} on any host
 * (the demo tenant files point at {@code ops.localhost}): its metadata, the page that
 * lists the demo employees for an authentication request, and the page that posts the
 * chosen employee's signed response to the programme. Every page says it is a development
 * identity provider. Plain HTML in the visitor's language; no session, no state: the
 * request travels in the links.
 */
@RestController
@Profile("dev")
class DevIdpController {

	private static final List<Locale> LOCALES = List.of(Locale.ENGLISH, Locale.forLanguageTag("es"));

	/** Submits the response as soon as the page loads; allowed by its hash in the CSP. */
	private static final String AUTO_SUBMIT = "document.getElementById('saml-post').submit();";

	private final DevIdentityProvider idp;

	private final MessageSource messages;

	DevIdpController(DevIdentityProvider idp, MessageSource messages) {
		this.idp = idp;
		this.messages = messages;
	}

	@GetMapping("/dev-idp/{slug}/metadata")
	ResponseEntity<String> metadata(@PathVariable String slug, HttpServletRequest request) {
		return this.idp.target(slug)
			.map((target) -> ResponseEntity.ok()
				.contentType(MediaType.APPLICATION_XML)
				.body(this.idp.metadata(target, base(request))))
			.orElseGet(() -> ResponseEntity.notFound().build());
	}

	@GetMapping("/dev-idp/{slug}/sso")
	ResponseEntity<String> choose(@PathVariable String slug,
			@RequestParam(name = "SAMLRequest", required = false) String samlRequest,
			@RequestParam(name = "RelayState", required = false) String relayState, HttpServletRequest http) {
		Locale locale = locale(http);
		Optional<DevIdentityProvider.Target> target = this.idp.target(slug);
		if (target.isEmpty()) {
			return page(HttpStatus.NOT_FOUND, locale, "<p>" + text("devidp.unknown", locale) + "</p>");
		}
		boolean solicited = samlRequest != null;
		if (solicited && this.idp.read(target.get(), samlRequest).isEmpty()) {
			return page(HttpStatus.BAD_REQUEST, locale, "<p>" + text("devidp.bad-request", locale) + "</p>");
		}
		if (!solicited && !target.get().provider().idpInitiatedLogin()) {
			return page(HttpStatus.OK, locale, "<p>"
					+ text("devidp.start-at-programme", locale, escape(target.get().tenant().config().displayName()))
					+ "</p>");
		}
		StringBuilder body = new StringBuilder("<p>")
			.append(text("devidp.choose", locale, escape(target.get().tenant().config().displayName())))
			.append("</p><ul>");
		for (DevIdpEmployees.Employee employee : DevIdpEmployees.ALL) {
			// Encoded by hand: base64's '+' must not arrive as a space.
			String link = "respond?employee=" + employee.key()
					+ (solicited ? "&SAMLRequest=" + URLEncoder.encode(samlRequest, StandardCharsets.UTF_8) : "")
					+ ((relayState != null) ? "&RelayState=" + URLEncoder.encode(relayState, StandardCharsets.UTF_8)
							: "");
			body.append("<li><a id=\"employee-")
				.append(employee.key())
				.append("\" href=\"")
				.append(escape(link))
				.append("\"><strong>")
				.append(escape(employee.displayName()))
				.append("</strong> · ")
				.append(escape(employee.email(slug)))
				.append("<br><small>")
				.append(text("devidp.employee", locale, escape(employee.employmentStatus()),
						escape(String.join(", ", employee.groups()))))
				.append("</small></a></li>");
		}
		body.append("</ul>");
		return page(HttpStatus.OK, locale, body.toString());
	}

	@GetMapping("/dev-idp/{slug}/respond")
	ResponseEntity<String> respond(@PathVariable String slug, @RequestParam String employee,
			@RequestParam(name = "SAMLRequest", required = false) String samlRequest,
			@RequestParam(name = "RelayState", required = false) String relayState, HttpServletRequest http) {
		Locale locale = locale(http);
		Optional<DevIdentityProvider.Target> target = this.idp.target(slug);
		Optional<DevIdpEmployees.Employee> chosen = DevIdpEmployees.find(employee);
		if (target.isEmpty() || chosen.isEmpty()) {
			return page(HttpStatus.NOT_FOUND, locale, "<p>" + text("devidp.unknown", locale) + "</p>");
		}
		URI acs;
		String inResponseTo;
		if (samlRequest != null) {
			Optional<DevIdentityProvider.Request> request = this.idp.read(target.get(), samlRequest);
			if (request.isEmpty()) {
				return page(HttpStatus.BAD_REQUEST, locale, "<p>" + text("devidp.bad-request", locale) + "</p>");
			}
			acs = request.get().acs();
			inResponseTo = request.get().id();
		}
		else if (target.get().provider().idpInitiatedLogin()) {
			acs = URI.create(http.getScheme() + "://" + target.get().tenant().config().canonicalHost() + port(http)
					+ "/login/saml2/sso/" + target.get().provider().id());
			inResponseTo = null;
		}
		else {
			return page(HttpStatus.BAD_REQUEST, locale, "<p>" + text("devidp.bad-request", locale) + "</p>");
		}
		String response = this.idp.signedResponse(target.get(), chosen.get(), acs, inResponseTo);
		String body = "<p>"
				+ text("devidp.sending", locale, escape(chosen.get().displayName()),
						escape(target.get().tenant().config().displayName()))
				+ "</p><form id=\"saml-post\" method=\"post\" action=\"" + escape(acs.toString())
				+ "\"><input type=\"hidden\" name=\"SAMLResponse\" value=\"" + response + "\">"
				+ ((relayState != null)
						? "<input type=\"hidden\" name=\"RelayState\" value=\"" + escape(relayState) + "\">" : "")
				+ "<noscript><button type=\"submit\">" + text("devidp.continue", locale) + "</button></noscript></form>"
				+ "<script>" + AUTO_SUBMIT + "</script>";
		return page(HttpStatus.OK, locale, body);
	}

	private ResponseEntity<String> page(HttpStatus status, Locale locale, String body) {
		String title = text("devidp.title", locale);
		String html = "<!DOCTYPE html><html lang=\"" + locale.getLanguage() + "\"><head><meta charset=\"utf-8\">"
				+ "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + title
				+ "</title><style>body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;max-width:40rem;"
				+ "margin:3rem auto;padding:0 1rem;color:#1f2933;line-height:1.5}.banner{background:#fff3cd;"
				+ "border:2px dashed #b7791f;padding:.75rem 1rem;border-radius:.5rem}ul{list-style:none;padding:0}"
				+ "li a{display:block;padding:.75rem;border:1px solid #d9dee3;border-radius:.5rem;margin:.5rem 0;"
				+ "text-decoration:none;color:inherit}li a:hover{border-color:#b7791f}</style></head><body>"
				+ "<p class=\"banner\" id=\"dev-idp-banner\"><strong>" + title + "</strong> — "
				+ text("devidp.banner", locale) + "</p><h1>" + title + "</h1>" + body + "</body></html>";
		return ResponseEntity.status(status)
			.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
			.header("Cache-Control", "no-store")
			.header("Content-Security-Policy",
					"default-src 'none'; style-src 'unsafe-inline'; script-src '" + sha256(AUTO_SUBMIT)
							+ "'; form-action http: https:; base-uri 'none'; frame-ancestors 'none'")
			.body(html);
	}

	private String text(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args, locale);
	}

	private static String base(HttpServletRequest request) {
		return request.getScheme() + "://" + request.getServerName() + port(request);
	}

	private static String port(HttpServletRequest request) {
		int port = request.getServerPort();
		boolean standard = ("http".equals(request.getScheme()) && port == 80)
				|| ("https".equals(request.getScheme()) && port == 443);
		return standard ? "" : ":" + port;
	}

	private static Locale locale(HttpServletRequest request) {
		for (Locale wanted : Collections.list(request.getLocales())) {
			for (Locale offered : LOCALES) {
				if (offered.getLanguage().equals(wanted.getLanguage())) {
					return offered;
				}
			}
		}
		return Locale.ENGLISH;
	}

	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text);
	}

	private static String sha256(String script) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8));
			return "sha256-" + Base64.getEncoder().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

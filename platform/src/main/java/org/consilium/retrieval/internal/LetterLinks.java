package org.consilium.retrieval.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import com.vaadin.flow.server.VaadinServletRequest;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Letter links: 256 random bits, of which only the SHA-256 is stored, on the site the
 * patient used (so the link works only on that programme's host).
 */
final class LetterLinks {

	static final String PATH = "retrieval-letter";

	private static final SecureRandom RANDOM = new SecureRandom();

	private LetterLinks() {
	}

	static String newToken() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String link(String token) {
		HttpServletRequest request = Optional.ofNullable(VaadinServletRequest.getCurrent())
			.map(VaadinServletRequest::getHttpServletRequest)
			.or(() -> (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)
					? Optional.of(attributes.getRequest()) : Optional.empty())
			.orElseThrow(() -> new IllegalStateException("Links can only be made while serving a request"));
		int port = request.getServerPort();
		boolean defaultPort = ("http".equals(request.getScheme()) && port == 80)
				|| ("https".equals(request.getScheme()) && port == 443);
		return request.getScheme() + "://" + request.getServerName() + (defaultPort ? "" : ":" + port) + "/" + PATH
				+ "?token=" + token;
	}

}

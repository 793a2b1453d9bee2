package org.consilium.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Random tokens for links and recovery codes, and the hashes that are stored instead of
 * them.
 */
final class Tokens {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final String CODE_ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789";

	private Tokens() {
	}

	/** 256 random bits, URL-safe. */
	static String newLinkToken() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** A recovery code people can type: XXXX-XXXX, no confusable characters. */
	static String newRecoveryCode() {
		StringBuilder code = new StringBuilder();
		for (int i = 0; i < 8; i++) {
			if (i == 4) {
				code.append('-');
			}
			code.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
		}
		return code.toString();
	}

	static String normalizeRecoveryCode(String typed) {
		String clean = typed.trim().toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "");
		return (clean.length() == 8) ? clean.substring(0, 4) + "-" + clean.substring(4) : clean;
	}

	static String sha256(String value) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

package org.consilium.cases;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The reference a patient reads out on the phone, e.g. {@code C-7KQ3-M9XD}: Crockford
 * base32 (no I, L, O, U), random rather than sequential so it reveals no volumes, unique
 * per tenant.
 */
public record CaseReference(String value) {

	private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

	private static final Pattern FORMAT = Pattern.compile("C-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}");

	private static final SecureRandom RANDOM = new SecureRandom();

	public CaseReference {
		if (value == null || !FORMAT.matcher(value).matches()) {
			throw new IllegalArgumentException("Not a case reference: " + value);
		}
	}

	public static CaseReference random() {
		StringBuilder value = new StringBuilder("C-");
		for (int i = 0; i < 8; i++) {
			if (i == 4) {
				value.append('-');
			}
			value.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return new CaseReference(value.toString());
	}

	/** Reads what a person typed: case-insensitive, O read as 0 and I or L as 1. */
	public static Optional<CaseReference> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		String normalized = text.trim().toUpperCase(Locale.ROOT).replace('O', '0').replace('I', '1').replace('L', '1');
		return FORMAT.matcher(normalized).matches() ? Optional.of(new CaseReference(normalized)) : Optional.empty();
	}

	@Override
	public String toString() {
		return this.value;
	}

}

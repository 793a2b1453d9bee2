package org.consilium.identity.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TotpTest {

	/** RFC 6238 appendix B's SHA-1 secret, "12345678901234567890". */
	static final String RFC_SECRET = Totp.base32("12345678901234567890".getBytes(StandardCharsets.US_ASCII));

	@Test
	void codes_match_the_rfc_6238_test_vectors() {
		// The RFC lists 8 digits; authenticator apps show the last 6.
		assertThat(Totp.code(RFC_SECRET, 59 / 30)).isEqualTo("287082");
		assertThat(Totp.code(RFC_SECRET, 1111111109L / 30)).isEqualTo("081804");
		assertThat(Totp.code(RFC_SECRET, 1234567890L / 30)).isEqualTo("005924");
		assertThat(Totp.code(RFC_SECRET, 2000000000L / 30)).isEqualTo("279037");
	}

	@Test
	void one_step_of_clock_drift_is_accepted_two_are_not() {
		Instant now = Instant.ofEpochSecond(1_111_111_109L);
		long step = Totp.step(now);
		assertThat(Totp.verify(RFC_SECRET, Totp.code(RFC_SECRET, step - 1), now)).hasValue(step - 1);
		assertThat(Totp.verify(RFC_SECRET, Totp.code(RFC_SECRET, step + 1), now)).hasValue(step + 1);
		assertThat(Totp.verify(RFC_SECRET, Totp.code(RFC_SECRET, step - 2), now)).isEmpty();
		assertThat(Totp.verify(RFC_SECRET, "12345", now)).isEmpty();
		assertThat(Totp.verify(RFC_SECRET, "abcdef", now)).isEmpty();
	}

	@Test
	void base32_round_trips_and_the_uri_is_what_apps_read() {
		String secret = Totp.newSecret();
		assertThat(Totp.base32(Totp.unbase32(secret))).isEqualTo(secret);
		assertThat(Totp.otpauthUri("Acme Expert", "ann@acme.example", secret))
			.startsWith("otpauth://totp/Acme%20Expert:ann%40acme.example?secret=" + secret)
			.contains("issuer=Acme%20Expert");
		assertThat(QrCodes.svg("otpauth://totp/x", 200)).startsWith("<svg").contains("<path");
	}

}

package org.consilium.identity.internal;

import java.time.Instant;

/** Authenticator-app codes for browser tests in other packages. */
public final class TestTotp {

	private TestTotp() {
	}

	public static String code(String secret, Instant now) {
		return Totp.code(secret, Totp.step(now));
	}

}

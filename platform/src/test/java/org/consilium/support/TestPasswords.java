package org.consilium.support;

import java.util.UUID;

/**
 * Passwords for accounts tests create: made per run, never a fixed string in the repo.
 * Long and random, so they pass the password policy.
 */
public final class TestPasswords {

	private TestPasswords() {
	}

	public static String generate() {
		// No word a test user could be named after: the policy refuses passwords holding
		// the name.
		return "Zq#" + UUID.randomUUID();
	}

}

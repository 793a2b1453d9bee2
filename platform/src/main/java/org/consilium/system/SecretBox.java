package org.consilium.system;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals small secrets kept in the database (MFA seeds) with AES-256-GCM under the
 * installation's key, so a database dump alone does not give them away. Sealed values are
 * versioned ({@code v1:}) to allow key rotation later.
 */
public final class SecretBox {

	private static final String PREFIX = "v1:";

	private static final int IV_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final SecretKey key;

	private final SecureRandom random = new SecureRandom();

	public SecretBox(byte[] key) {
		if (key.length != 32) {
			throw new IllegalArgumentException("The secret key must be 32 bytes (256 bits), base64-encoded");
		}
		this.key = new SecretKeySpec(key, "AES");
	}

	public String seal(String plaintext) {
		try {
			byte[] iv = new byte[IV_BYTES];
			this.random.nextBytes(iv);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, iv));
			byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
			return PREFIX + Base64.getEncoder()
				.encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot seal secret", ex);
		}
	}

	public String open(String sealed) {
		if (sealed == null || !sealed.startsWith(PREFIX)) {
			throw new IllegalArgumentException("Not a sealed secret");
		}
		try {
			byte[] bytes = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
			return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot open secret (wrong key or tampered value)", ex);
		}
	}

}

package org.consilium.records.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.consilium.tenant.TenantId;

/**
 * The installation's master key for records: it wraps each tenant's data key (AES-256-GCM
 * with the tenant id as associated data, so a wrapped key copied to another tenant's row
 * does not open). {@code SecretBox} seals strings without associated data, hence this
 * small class.
 */
final class MasterKey {

	private static final int IV = 12;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final SecretKey key;

	MasterKey(byte[] key) {
		if (key.length != 32) {
			throw new IllegalArgumentException("The records master key must be 32 bytes (256 bits), base64-encoded");
		}
		this.key = new SecretKeySpec(key, "AES");
	}

	/**
	 * The configured key, or one derived (HMAC-SHA256) from the installation's secret
	 * key, so development and tests need no setup and no real secret is ever in the
	 * repository.
	 */
	static MasterKey fromConfiguration(String masterKey, String installationSecret) {
		if (masterKey != null && !masterKey.isBlank()) {
			return new MasterKey(Base64.getDecoder().decode(masterKey.trim()));
		}
		if (installationSecret == null || installationSecret.isBlank()) {
			throw new IllegalStateException("Set CONSILIUM_RECORDS_MASTER_KEY (or CONSILIUM_SECRET_KEY) "
					+ "to 32 random bytes, base64-encoded (openssl rand -base64 32).");
		}
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(Base64.getDecoder().decode(installationSecret.trim()), "HmacSHA256"));
			return new MasterKey(mac.doFinal("consilium records master key v1".getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot derive the records master key", ex);
		}
	}

	static SecretKey newDataKey() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return new SecretKeySpec(bytes, "AES");
	}

	String wrap(SecretKey dataKey, TenantId tenant) {
		try {
			byte[] iv = new byte[IV];
			RANDOM.nextBytes(iv);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.key, new GCMParameterSpec(128, iv));
			cipher.updateAAD(tenant.value().getBytes(StandardCharsets.UTF_8));
			byte[] wrapped = cipher.doFinal(dataKey.getEncoded());
			byte[] all = new byte[IV + wrapped.length];
			System.arraycopy(iv, 0, all, 0, IV);
			System.arraycopy(wrapped, 0, all, IV, wrapped.length);
			return "v1:" + Base64.getEncoder().encodeToString(all);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot wrap a data key", ex);
		}
	}

	SecretKey unwrap(String wrapped, TenantId tenant) {
		if (wrapped == null || !wrapped.startsWith("v1:")) {
			throw new IllegalStateException("Not a wrapped data key");
		}
		byte[] all = Base64.getDecoder().decode(wrapped.substring(3));
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, this.key, new GCMParameterSpec(128, all, 0, IV));
			cipher.updateAAD(tenant.value().getBytes(StandardCharsets.UTF_8));
			return new SecretKeySpec(cipher.doFinal(all, IV, all.length - IV), "AES");
		}
		catch (AEADBadTagException ex) {
			throw new IllegalStateException("The data key of " + tenant + " does not open with this master key");
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot unwrap a data key", ex);
		}
	}

}

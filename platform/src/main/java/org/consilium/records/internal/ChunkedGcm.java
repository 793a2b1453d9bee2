package org.consilium.records.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The at-rest format of a record (decision 013): a header holding a fresh per-file key,
 * wrapped with AES-256-GCM by the tenant's data key and bound to the object's key (so a
 * file moved under another record or tenant does not open), then the content in chunks of
 * 64 KiB, each sealed on its own with AES-256-GCM under the file key. A chunk's nonce is
 * its index plus a "last chunk" flag, so chunks cannot be reordered, dropped or the file
 * truncated without detection, and no plaintext is released before its chunk's tag
 * checked. The JDK's GCM decryption holds the whole ciphertext until the tag is checked;
 * chunking keeps memory constant for files of any size and allows random access.
 */
final class ChunkedGcm {

	static final int CHUNK = 64 * 1024;

	static final int TAG = 16;

	static final int SEALED_CHUNK = CHUNK + TAG;

	private static final byte[] MAGIC = { 'C', 'R', 'E', 'C', 1 };

	private static final int IV = 12;

	private static final int FILE_KEY = 32;

	static final int HEADER = MAGIC.length + IV + FILE_KEY + TAG;

	private static final SecureRandom RANDOM = new SecureRandom();

	private ChunkedGcm() {
	}

	/** A new file key and the header that carries it, wrapped by the tenant key. */
	static Header newHeader(SecretKey tenantKey, String objectKey) {
		byte[] fileKey = new byte[FILE_KEY];
		RANDOM.nextBytes(fileKey);
		byte[] iv = new byte[IV];
		RANDOM.nextBytes(iv);
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, tenantKey, new GCMParameterSpec(TAG * 8, iv));
			cipher.updateAAD(objectKey.getBytes(StandardCharsets.UTF_8));
			byte[] wrapped = cipher.doFinal(fileKey);
			byte[] header = ByteBuffer.allocate(HEADER).put(MAGIC).put(iv).put(wrapped).array();
			return new Header(header, new SecretKeySpec(fileKey, "AES"));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot create a record key", ex);
		}
	}

	/**
	 * @throws TamperedException if the header is not ours or not for this object under
	 * this tenant key
	 */
	static SecretKey openHeader(byte[] header, SecretKey tenantKey, String objectKey) {
		for (int i = 0; i < MAGIC.length; i++) {
			if (header[i] != MAGIC[i]) {
				throw new TamperedException("Not an encrypted record");
			}
		}
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, tenantKey, new GCMParameterSpec(TAG * 8, header, MAGIC.length, IV));
			cipher.updateAAD(objectKey.getBytes(StandardCharsets.UTF_8));
			byte[] fileKey = cipher.doFinal(header, MAGIC.length + IV, FILE_KEY + TAG);
			return new SecretKeySpec(fileKey, "AES");
		}
		catch (AEADBadTagException ex) {
			throw new TamperedException("The record's key does not open (wrong tenant key or moved file)");
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot open a record key", ex);
		}
	}

	/**
	 * A cipher to reuse chunk after chunk (each chunk re-initialises it with its nonce).
	 */
	static Cipher cipher() {
		try {
			return Cipher.getInstance("AES/GCM/NoPadding");
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is not available", ex);
		}
	}

	static byte[] seal(Cipher cipher, SecretKey fileKey, long index, boolean last, byte[] plain, int length) {
		try {
			cipher.init(Cipher.ENCRYPT_MODE, fileKey, nonce(index, last));
			return cipher.doFinal(plain, 0, length);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot encrypt a record", ex);
		}
	}

	/**
	 * @throws TamperedException if the chunk was changed, moved or cut
	 */
	static int open(Cipher cipher, SecretKey fileKey, long index, boolean last, byte[] sealed, int length,
			byte[] plain) {
		try {
			cipher.init(Cipher.DECRYPT_MODE, fileKey, nonce(index, last));
			return cipher.doFinal(sealed, 0, length, plain, 0);
		}
		catch (AEADBadTagException ex) {
			throw new TamperedException("Chunk " + index + " of the record fails its check");
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot decrypt a record", ex);
		}
	}

	/** The plaintext size of an encrypted file of the given size. */
	static long plainSize(long sealedSize) {
		long body = sealedSize - HEADER;
		if (body < TAG) {
			throw new TamperedException("The record is cut short");
		}
		long chunks = (body + SEALED_CHUNK - 1) / SEALED_CHUNK;
		return body - chunks * TAG;
	}

	/**
	 * Every file has at least one chunk (empty only for empty content); the last may be
	 * full.
	 */
	static long chunkCount(long plainSize) {
		return (plainSize == 0) ? 1 : (plainSize + CHUNK - 1) / CHUNK;
	}

	private static GCMParameterSpec nonce(long index, boolean last) {
		byte[] nonce = ByteBuffer.allocate(IV).putLong(index).put(new byte[3]).put((byte) (last ? 1 : 0)).array();
		return new GCMParameterSpec(TAG * 8, nonce);
	}

	record Header(byte[] bytes, SecretKey fileKey) {
	}

	/** The stored bytes are not what was written: changed, moved, cut, or another key. */
	static final class TamperedException extends RuntimeException {

		TamperedException(String message) {
			super(message);
		}

	}

}

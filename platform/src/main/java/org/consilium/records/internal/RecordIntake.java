package org.consilium.records.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.SecretKey;

import org.consilium.records.RecordRejectedException;
import org.consilium.records.RecordRejectedException.Reason;
import org.consilium.records.RecordStore;

/**
 * The streamed part of an upload: decides the type from the first kilobyte before
 * anything is written, then copies the stream chunk by chunk into the store, encrypting,
 * hashing (SHA-256) and counting as it goes. Over the limit, it stops reading at once; on
 * any failure the partly written object is discarded, so a refused upload leaves no file
 * behind. Memory use is constant (a 64 KiB buffer and one chunk).
 */
final class RecordIntake {

	private static final int BUFFER = 64 * 1024;

	private RecordIntake() {
	}

	/**
	 * @param limit the most bytes accepted
	 * @param limitReason what to say when the limit is passed (file cap or case quota)
	 * @param limitText the limit as shown
	 */
	static Received receive(InputStream content, String fileName, RecordStore store, String key, SecretKey tenantKey,
			long limit, Reason limitReason, String limitText) {
		try {
			byte[] head = content.readNBytes(ContentSniffer.HEAD);
			if (head.length == 0) {
				throw new RecordRejectedException(Reason.EMPTY);
			}
			ContentType type = ContentSniffer.detect(head, head.length)
				.orElseThrow(() -> new RecordRejectedException(Reason.UNKNOWN_TYPE));
			ContentType.claimedBy(fileName).filter((claimed) -> claimed != type).ifPresent((claimed) -> {
				throw new RecordRejectedException(Reason.EXTENSION_MISMATCH, claimed.name(), type.name());
			});
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			try (RecordStore.Pending pending = store.create(key)) {
				EncryptingOutputStream out = new EncryptingOutputStream(pending.output(),
						ChunkedGcm.newHeader(tenantKey, key));
				long size = head.length;
				if (size > limit) {
					throw new RecordRejectedException(limitReason, limitText);
				}
				sha256.update(head);
				out.write(head);
				byte[] buffer = new byte[BUFFER];
				int n;
				while ((n = content.read(buffer)) >= 0) {
					size += n;
					if (size > limit) {
						throw new RecordRejectedException(limitReason, limitText);
					}
					sha256.update(buffer, 0, n);
					out.write(buffer, 0, n);
				}
				out.finish();
				pending.commit();
				return new Received(type, size, HexFormat.of().formatHex(sha256.digest()));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** What arrived, stored. */
	record Received(ContentType type, long size, String sha256) {
	}

}

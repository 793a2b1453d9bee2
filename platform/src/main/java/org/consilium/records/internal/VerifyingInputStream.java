package org.consilium.records.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import java.util.function.Consumer;

import org.consilium.records.RecordIntegrityException;

/**
 * Reads a record's plaintext and checks it on the way: each chunk's GCM tag as it is
 * decrypted (a changed chunk is never released), and the SHA-256 of everything against
 * the one taken at upload when the end is reached. A failure is reported once (for the
 * audit log) and ends the stream with {@link RecordIntegrityException} instead of
 * end-of-file, so a download that fails is cut short and never looks complete.
 */
final class VerifyingInputStream extends FilterInputStream {

	private final UUID recordId;

	private final String expectedSha256;

	private final MessageDigest digest;

	private final Consumer<String> onFailure;

	private boolean verified;

	private boolean failed;

	VerifyingInputStream(InputStream plaintext, UUID recordId, String expectedSha256, Consumer<String> onFailure) {
		super(plaintext);
		this.recordId = recordId;
		this.expectedSha256 = expectedSha256;
		this.onFailure = onFailure;
		try {
			this.digest = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public int read() throws IOException {
		byte[] one = new byte[1];
		int n = read(one, 0, 1);
		return (n < 0) ? -1 : (one[0] & 0xFF);
	}

	@Override
	public int read(byte[] bytes, int offset, int length) throws IOException {
		if (this.failed) {
			throw new RecordIntegrityException(this.recordId, "already failed");
		}
		int n;
		try {
			n = super.read(bytes, offset, length);
		}
		catch (ChunkedGcm.TamperedException ex) {
			throw fail(ex.getMessage());
		}
		if (n > 0) {
			this.digest.update(bytes, offset, n);
		}
		else if (n < 0 && !this.verified) {
			String actual = HexFormat.of().formatHex(this.digest.digest());
			if (!actual.equals(this.expectedSha256)) {
				throw fail("SHA-256 differs from the one taken at upload");
			}
			this.verified = true;
		}
		return n;
	}

	private RecordIntegrityException fail(String detail) {
		this.failed = true;
		this.onFailure.accept(detail);
		return new RecordIntegrityException(this.recordId, detail);
	}

	@Override
	public long skip(long n) throws IOException {
		// Skipping would leave bytes out of the checksum: read them instead.
		byte[] buffer = new byte[(int) Math.min(n, 8192)];
		long left = n;
		while (left > 0) {
			int read = read(buffer, 0, (int) Math.min(left, buffer.length));
			if (read < 0) {
				break;
			}
			left -= read;
		}
		return n - left;
	}

	@Override
	public boolean markSupported() {
		return false;
	}

}

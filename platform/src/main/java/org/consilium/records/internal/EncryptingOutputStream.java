package org.consilium.records.internal;

import java.io.IOException;
import java.io.OutputStream;

import javax.crypto.SecretKey;

/**
 * Writes a record in the {@link ChunkedGcm} format. A full chunk is sealed only when more
 * data follows, so the chunk sealed at {@link #close()} is always the one flagged "last".
 */
final class EncryptingOutputStream extends OutputStream {

	private final OutputStream target;

	private final SecretKey fileKey;

	private final javax.crypto.Cipher cipher = ChunkedGcm.cipher();

	private final byte[] buffer = new byte[ChunkedGcm.CHUNK];

	private int filled;

	private long index;

	private boolean closed;

	EncryptingOutputStream(OutputStream target, ChunkedGcm.Header header) throws IOException {
		this.target = target;
		this.fileKey = header.fileKey();
		target.write(header.bytes());
	}

	@Override
	public void write(int b) throws IOException {
		write(new byte[] { (byte) b }, 0, 1);
	}

	@Override
	public void write(byte[] bytes, int offset, int length) throws IOException {
		while (length > 0) {
			if (this.filled == this.buffer.length) {
				flushChunk(false);
			}
			int n = Math.min(length, this.buffer.length - this.filled);
			System.arraycopy(bytes, offset, this.buffer, this.filled, n);
			this.filled += n;
			offset += n;
			length -= n;
		}
	}

	private void flushChunk(boolean last) throws IOException {
		this.target.write(ChunkedGcm.seal(this.cipher, this.fileKey, this.index++, last, this.buffer, this.filled));
		this.filled = 0;
	}

	/** Seals the last chunk; does not close the target. */
	void finish() throws IOException {
		if (!this.closed) {
			this.closed = true;
			flushChunk(true);
			this.target.flush();
		}
	}

	@Override
	public void close() throws IOException {
		finish();
	}

}

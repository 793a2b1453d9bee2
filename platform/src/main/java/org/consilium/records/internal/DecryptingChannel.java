package org.consilium.records.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;

import javax.crypto.SecretKey;

/**
 * Random-access plaintext view of a record in the {@link ChunkedGcm} format: one chunk is
 * decrypted (and checked) at a time, so memory stays at two chunks whatever the size.
 */
final class DecryptingChannel implements SeekableByteChannel {

	private final SeekableByteChannel sealed;

	private final SecretKey fileKey;

	private final long size;

	private final long chunks;

	private final javax.crypto.Cipher cipher = ChunkedGcm.cipher();

	private final byte[] sealedChunk = new byte[ChunkedGcm.SEALED_CHUNK];

	private final byte[] plainChunk = new byte[ChunkedGcm.CHUNK];

	private long cachedIndex = -1;

	private int cachedLength;

	private long position;

	private DecryptingChannel(SeekableByteChannel sealed, SecretKey fileKey) throws IOException {
		this.sealed = sealed;
		this.fileKey = fileKey;
		this.size = ChunkedGcm.plainSize(sealed.size());
		this.chunks = ChunkedGcm.chunkCount(this.size);
	}

	static DecryptingChannel open(SeekableByteChannel sealed, SecretKey tenantKey, String objectKey)
			throws IOException {
		try {
			ByteBuffer header = ByteBuffer.allocate(ChunkedGcm.HEADER);
			sealed.position(0);
			readFully(sealed, header);
			if (header.hasRemaining()) {
				throw new ChunkedGcm.TamperedException("The record is cut short");
			}
			return new DecryptingChannel(sealed, ChunkedGcm.openHeader(header.array(), tenantKey, objectKey));
		}
		catch (IOException | RuntimeException ex) {
			sealed.close();
			throw ex;
		}
	}

	@Override
	public int read(ByteBuffer destination) throws IOException {
		if (this.position >= this.size) {
			return -1;
		}
		int total = 0;
		while (destination.hasRemaining() && this.position < this.size) {
			long index = this.position / ChunkedGcm.CHUNK;
			load(index);
			int offset = (int) (this.position % ChunkedGcm.CHUNK);
			int n = Math.min(destination.remaining(), this.cachedLength - offset);
			destination.put(this.plainChunk, offset, n);
			this.position += n;
			total += n;
		}
		return total;
	}

	private void load(long index) throws IOException {
		if (index == this.cachedIndex) {
			return;
		}
		boolean last = index == this.chunks - 1;
		long sealedLength = last ? (this.size - index * ChunkedGcm.CHUNK) + ChunkedGcm.TAG : ChunkedGcm.SEALED_CHUNK;
		ByteBuffer buffer = ByteBuffer.wrap(this.sealedChunk, 0, (int) sealedLength);
		this.sealed.position(ChunkedGcm.HEADER + index * ChunkedGcm.SEALED_CHUNK);
		readFully(this.sealed, buffer);
		if (buffer.hasRemaining()) {
			throw new ChunkedGcm.TamperedException("The record is cut short");
		}
		this.cachedIndex = -1;
		this.cachedLength = ChunkedGcm.open(this.cipher, this.fileKey, index, last, this.sealedChunk,
				(int) sealedLength, this.plainChunk);
		this.cachedIndex = index;
	}

	private static void readFully(SeekableByteChannel channel, ByteBuffer buffer) throws IOException {
		while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
			// keep reading
		}
	}

	@Override
	public long position() {
		return this.position;
	}

	@Override
	public SeekableByteChannel position(long newPosition) {
		if (newPosition < 0) {
			throw new IllegalArgumentException("Negative position");
		}
		this.position = newPosition;
		return this;
	}

	@Override
	public long size() {
		return this.size;
	}

	@Override
	public int write(ByteBuffer source) {
		throw new NonWritableChannelException();
	}

	@Override
	public SeekableByteChannel truncate(long size) {
		throw new NonWritableChannelException();
	}

	@Override
	public boolean isOpen() {
		return this.sealed.isOpen();
	}

	@Override
	public void close() throws IOException {
		this.sealed.close();
	}

}

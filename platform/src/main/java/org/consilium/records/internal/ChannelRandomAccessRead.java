package org.consilium.records.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;

import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.io.RandomAccessReadView;

/**
 * PDFBox reads a PDF with random access; this gives it the decrypted record through a
 * channel, so a PDF of any size is parsed without being held in memory or written out in
 * plaintext.
 */
final class ChannelRandomAccessRead implements RandomAccessRead {

	private final SeekableByteChannel channel;

	private final byte[] one = new byte[1];

	private boolean closed;

	ChannelRandomAccessRead(SeekableByteChannel channel) {
		this.channel = channel;
	}

	@Override
	public int read() throws IOException {
		int n = read(this.one, 0, 1);
		return (n <= 0) ? -1 : (this.one[0] & 0xFF);
	}

	@Override
	public int read(byte[] bytes, int offset, int length) throws IOException {
		if (length == 0) {
			return 0;
		}
		return this.channel.read(ByteBuffer.wrap(bytes, offset, length));
	}

	@Override
	public long getPosition() throws IOException {
		return this.channel.position();
	}

	@Override
	public void seek(long position) throws IOException {
		if (position < 0) {
			throw new IOException("Invalid position " + position);
		}
		this.channel.position(Math.min(position, this.channel.size()));
	}

	@Override
	public long length() throws IOException {
		return this.channel.size();
	}

	@Override
	public boolean isClosed() {
		return this.closed;
	}

	@Override
	public boolean isEOF() throws IOException {
		return this.channel.position() >= this.channel.size();
	}

	@Override
	public RandomAccessReadView createView(long startPosition, long streamLength) {
		return new RandomAccessReadView(this, startPosition, streamLength);
	}

	@Override
	public void close() throws IOException {
		this.closed = true;
		this.channel.close();
	}

}

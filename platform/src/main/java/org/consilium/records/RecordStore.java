package org.consilium.records;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.SeekableByteChannel;

/**
 * Where the (already encrypted) bytes of records live. Keys are relative paths made of
 * lower-case letters, digits, dashes and slashes. The local-directory implementation is
 * the default; an S3-compatible one can follow behind the same interface (ranged reads
 * serve {@link #open}).
 */
public interface RecordStore {

	/**
	 * Starts writing a new object. Nothing is visible under the key until
	 * {@link Pending#commit()}; closing without committing leaves nothing behind.
	 */
	Pending create(String key) throws IOException;

	/** Reads an object, with random access (archives and PDFs are inspected in place). */
	SeekableByteChannel open(String key) throws IOException;

	/** Removes an object; no error when it does not exist. */
	void delete(String key) throws IOException;

	boolean exists(String key);

	/** An object being written. */
	interface Pending extends Closeable {

		OutputStream output();

		/** Makes the object visible under its key. */
		void commit() throws IOException;

		/** Discards the object unless it was committed. */
		@Override
		void close() throws IOException;

	}

}

package org.consilium.records;

import java.io.InputStream;

/**
 * A record's bytes, opened for one reader. The stream verifies as it goes: a chunk that
 * fails its check, or a SHA-256 at the end that differs from the one taken at upload,
 * ends it with {@link RecordIntegrityException} rather than passing bad bytes on.
 */
public record RecordContent(RecordSummary record, InputStream stream) implements AutoCloseable {

	@Override
	public void close() throws java.io.IOException {
		this.stream.close();
	}

}

package org.consilium.records;

import java.io.IOException;
import java.util.UUID;

/**
 * The stored bytes of a record are not what was uploaded. Thrown from the record's stream
 * (an {@link IOException}, so it ends a download mid-way).
 */
public class RecordIntegrityException extends IOException {

	public RecordIntegrityException(UUID id, String detail) {
		super("Record " + id + " failed its integrity check: " + detail);
	}

}

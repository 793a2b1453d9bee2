package org.consilium.records;

import java.util.UUID;

/** No such record in a case the user may read (another tenant's included). */
public class RecordNotFoundException extends RuntimeException {

	public RecordNotFoundException(UUID id) {
		super("No record " + id);
	}

}

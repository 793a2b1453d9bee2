package org.consilium.cases;

import java.util.UUID;

/**
 * A case's id: random, so it reveals nothing about other cases.
 */
public record CaseId(UUID value) {

	public CaseId {
		if (value == null) {
			throw new IllegalArgumentException("value must not be null");
		}
	}

	public static CaseId random() {
		return new CaseId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}

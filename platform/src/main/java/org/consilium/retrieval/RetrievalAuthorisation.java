package org.consilium.retrieval;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the patient fills in and signs: the facilities, the records, and their typed name
 * under the authorisation text they read in {@code readIn}.
 */
public record RetrievalAuthorisation(List<Facility> facilities, Set<RecordKind> kinds, String details,
		String signedName, Locale readIn) {

	public RetrievalAuthorisation {
		facilities = (facilities != null) ? List.copyOf(facilities) : List.of();
		kinds = (kinds != null) ? Set.copyOf(kinds) : Set.of();
	}

}

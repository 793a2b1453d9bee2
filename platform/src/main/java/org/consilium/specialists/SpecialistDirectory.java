package org.consilium.specialists;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The operator's specialist directory, as other modules read it.
 */
public interface SpecialistDirectory {

	/**
	 * Active specialists in any of the given pools who practise the specialty, whose
	 * name, credentials or institution contain every word of the query (case and accents
	 * ignored), best matches first.
	 * @param query free text; blank lists all that match the other criteria
	 * @param limit at most this many (1 to 50)
	 */
	List<SpecialistCard> search(String query, String specialty, Collection<String> pools, int limit);

	/**
	 * The specialist, if active and in one of the pools.
	 */
	Optional<SpecialistCard> find(String id, Collection<String> pools);

}

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

	/**
	 * Everyone active who practises the specialty and can sign in, as ranking sees them,
	 * with their current load (open assignments across programmes, by specialist id).
	 */
	List<Ranking.Candidate> candidates(String specialty, java.util.Map<String, Integer> load);

	/** The operator account a specialist signs in as, if they have one. */
	Optional<SignIn> signIn(String specialistId);

	/** The directory entry of an operator account, if it is a specialist's. */
	Optional<String> specialistOf(String accountId);

	/**
	 * Links a specialist to the operator account they sign in as (one each).
	 * @throws IllegalArgumentException if either is unknown or already linked elsewhere
	 */
	void linkAccount(String specialistId, String accountId);

	/** A specialist's operator account. */
	record SignIn(String specialistId, String accountId, String displayName, List<String> specialties) {
	}

}

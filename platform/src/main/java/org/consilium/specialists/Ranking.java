package org.consilium.specialists;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Ranks specialists for a case, with the reason for every point. Hard rules first: a
 * specialist who is retired, does not practise the specialty, is away that day or is at
 * their case limit is not suggested at all. Then points: the patient's own request, the
 * programme's pools, the sub-specialty, the patient's language, a licence for the
 * patient's state or country, and spare capacity. Pure and allocation-light: it ranks
 * 10,000 specialists in a few milliseconds (docs/benchmarks.md).
 */
public final class Ranking {

	static final int REQUESTED = 100;

	static final int IN_POOL = 40;

	static final int SUB_SPECIALTY = 30;

	static final int LICENSED_REGION = 25;

	static final int LICENSED_COUNTRY = 15;

	static final int LANGUAGE = 20;

	static final int CAPACITY = 10;

	private Ranking() {
	}

	/**
	 * @return the best {@code limit} suggestions, highest score first (ties by name)
	 */
	public static List<Suggestion> rank(CaseNeeds needs, Collection<Candidate> candidates, int limit) {
		List<Suggestion> suggestions = new ArrayList<>();
		for (Candidate candidate : candidates) {
			if (!candidate.active() || !candidate.specialties().contains(needs.specialty())
					|| candidate.activeCases() >= candidate.maxActiveCases() || candidate.awayOn(needs.day())) {
				continue;
			}
			suggestions.add(score(needs, candidate));
		}
		suggestions.sort(Comparator.comparingInt(Suggestion::score)
			.reversed()
			.thenComparing(Suggestion::displayName)
			.thenComparing(Suggestion::specialistId));
		return (suggestions.size() > limit) ? List.copyOf(suggestions.subList(0, limit)) : List.copyOf(suggestions);
	}

	static Suggestion score(CaseNeeds needs, Candidate candidate) {
		List<Reason> reasons = new ArrayList<>(6);
		boolean inPool = candidate.pools().stream().anyMatch(needs.pools()::contains);
		if (inPool) {
			reasons.add(new Reason("in-pool", IN_POOL));
		}
		else {
			reasons.add(new Reason("outside-pools", 0));
		}
		if (inPool && candidate.id().equals(needs.requestedSpecialist())) {
			reasons.add(new Reason("requested", REQUESTED));
		}
		if (needs.subSpecialty() != null && candidate.subSpecialties().contains(needs.subSpecialty())) {
			reasons.add(new Reason("sub-specialty", SUB_SPECIALTY));
		}
		if (needs.language() != null && candidate.languages().contains(needs.language())) {
			reasons.add(new Reason("language", LANGUAGE));
		}
		if (needs.region() != null && candidate.jurisdictions().contains(needs.country() + "-" + needs.region())) {
			reasons.add(new Reason("licensed-region", LICENSED_REGION));
		}
		else if (needs.country() != null && candidate.jurisdictions().contains(needs.country())) {
			reasons.add(new Reason("licensed-country", LICENSED_COUNTRY));
		}
		int spare = (CAPACITY * (candidate.maxActiveCases() - candidate.activeCases())) / candidate.maxActiveCases();
		reasons.add(new Reason("capacity", spare));
		int score = 0;
		for (Reason reason : reasons) {
			score += reason.points();
		}
		return new Suggestion(candidate.id(), candidate.displayName(), score, List.copyOf(reasons));
	}

	/**
	 * What the case asks of a specialist.
	 *
	 * @param country the patient's ISO country code; {@code region} its subdivision code
	 * without the country (e.g. {@code MA})
	 * @param day the day the case would be assigned
	 */
	public record CaseNeeds(String specialty, String subSpecialty, String language, String country, String region,
			Set<String> pools, String requestedSpecialist, LocalDate day) {

		public CaseNeeds {
			pools = Set.copyOf(pools);
		}

	}

	/** A specialist as ranking sees them, with their current load. */
	public record Candidate(String id, String displayName, boolean active, Set<String> specialties,
			Set<String> subSpecialties, Set<String> languages, Set<String> jurisdictions, Set<String> pools,
			int activeCases, int maxActiveCases, List<LocalDate[]> absences) {

		boolean awayOn(LocalDate day) {
			for (LocalDate[] absence : this.absences) {
				if (!day.isBefore(absence[0]) && !day.isAfter(absence[1])) {
					return true;
				}
			}
			return false;
		}

	}

	/** A ranked specialist and why. */
	public record Suggestion(String specialistId, String displayName, int score, List<Reason> reasons) {
	}

	/**
	 * One reason and its points; {@code key} names a message
	 * {@code ranking.reason.<key>}.
	 */
	public record Reason(String key, int points) {
	}

}

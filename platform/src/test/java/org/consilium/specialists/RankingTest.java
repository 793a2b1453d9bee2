package org.consilium.specialists;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.consilium.specialists.Ranking.Candidate;
import org.consilium.specialists.Ranking.CaseNeeds;
import org.consilium.specialists.Ranking.Reason;
import org.consilium.specialists.Ranking.Suggestion;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RankingTest {

	static final LocalDate DAY = LocalDate.of(2027, 3, 1);

	static final CaseNeeds NEEDS = new CaseNeeds("oncology", "breast oncology", "es", "US", "MA", Set.of("general"),
			null, DAY);

	static Candidate candidate(String id, Set<String> subSpecialties, Set<String> languages, Set<String> jurisdictions,
			Set<String> pools, int active, int max) {
		return new Candidate(id, id, true, Set.of("oncology"), subSpecialties, languages, jurisdictions, pools, active,
				max, List.of());
	}

	@Test
	void every_point_has_its_reason() {
		Suggestion best = Ranking.score(NEEDS, candidate("a", Set.of("breast oncology"), Set.of("en", "es"),
				Set.of("US-MA"), Set.of("general"), 0, 10));
		assertThat(best.reasons()).extracting(Reason::key)
			.containsExactly("in-pool", "sub-specialty", "language", "licensed-region", "capacity");
		assertThat(best.score()).isEqualTo(40 + 30 + 20 + 25 + 10);
		assertThat(best.score()).isEqualTo(best.reasons().stream().mapToInt(Reason::points).sum());
	}

	@Test
	void hard_rules_leave_out_the_retired_the_away_the_full_and_other_specialties() {
		List<Candidate> candidates = new ArrayList<>();
		candidates.add(candidate("ok", Set.of(), Set.of("en"), Set.of("US"), Set.of("general"), 0, 5));
		candidates.add(new Candidate("retired", "retired", false, Set.of("oncology"), Set.of(), Set.of("en"),
				Set.of("US"), Set.of("general"), 0, 5, List.of()));
		candidates.add(new Candidate("away", "away", true, Set.of("oncology"), Set.of(), Set.of("en"), Set.of("US"),
				Set.of("general"), 0, 5, List.<LocalDate[]>of(new LocalDate[] { DAY.minusDays(1), DAY })));
		candidates.add(candidate("full", Set.of(), Set.of("en"), Set.of("US"), Set.of("general"), 5, 5));
		candidates.add(new Candidate("cardio", "cardio", true, Set.of("cardiology"), Set.of(), Set.of("en"),
				Set.of("US"), Set.of("general"), 0, 5, List.of()));
		assertThat(Ranking.rank(NEEDS, candidates, 10)).extracting(Suggestion::specialistId).containsExactly("ok");
	}

	@Test
	void the_patients_request_comes_first_when_eligible_and_the_pool_counts() {
		Candidate requested = candidate("requested", Set.of(), Set.of("en"), Set.of("US"), Set.of("general"), 4, 5);
		Candidate strong = candidate("strong", Set.of("breast oncology"), Set.of("es"), Set.of("US-MA"),
				Set.of("general"), 0, 10);
		Candidate outsider = candidate("outsider", Set.of("breast oncology"), Set.of("es"), Set.of("US-MA"),
				Set.of("other-pool"), 0, 10);
		CaseNeeds withRequest = new CaseNeeds("oncology", "breast oncology", "es", "US", "MA", Set.of("general"),
				"requested", DAY);
		assertThat(Ranking.rank(withRequest, List.of(outsider, strong, requested), 10))
			.extracting(Suggestion::specialistId)
			.containsExactly("requested", "strong", "outsider");
		// A request for someone outside the programme's pools earns nothing.
		CaseNeeds requestsOutsider = new CaseNeeds("oncology", null, null, "US", null, Set.of("general"), "outsider",
				DAY);
		assertThat(Ranking.rank(requestsOutsider, List.of(outsider, requested), 10).get(0).specialistId())
			.isEqualTo("requested");
	}

	@Test
	void a_state_licence_beats_a_country_licence_and_spare_capacity_breaks_ties() {
		Candidate state = candidate("state", Set.of(), Set.of(), Set.of("US-MA"), Set.of("general"), 5, 10);
		Candidate country = candidate("country", Set.of(), Set.of(), Set.of("US"), Set.of("general"), 5, 10);
		Candidate idle = candidate("idle", Set.of(), Set.of(), Set.of("US"), Set.of("general"), 0, 10);
		assertThat(Ranking.rank(NEEDS, List.of(country, idle, state), 10)).extracting(Suggestion::specialistId)
			.containsExactly("state", "idle", "country");
	}

	@Test
	void the_limit_keeps_the_best() {
		List<Candidate> many = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			many.add(candidate("c" + i, Set.of(), Set.of(), Set.of("US"), Set.of("general"), i % 10, 10));
		}
		List<Suggestion> top = Ranking.rank(NEEDS, many, 5);
		assertThat(top).hasSize(5).allSatisfy((s) -> assertThat(s.score()).isEqualTo(40 + 15 + 10));
	}

}

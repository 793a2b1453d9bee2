package org.consilium.review.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.consilium.cases.Assignment;
import org.consilium.cases.CaseAssignments;
import org.consilium.cases.CaseId;
import org.consilium.cases.CaseLifecycle;
import org.consilium.identity.Demographics;
import org.consilium.identity.PatientProfiles;
import org.consilium.specialists.Ranking;
import org.consilium.specialists.SpecialistDirectory;
import org.consilium.tenant.Tenants;
import org.consilium.tenantconfig.TenantConfig;

import org.springframework.stereotype.Component;

/**
 * Chooses the second reader of an opinion: ranked like a case's specialist (specialty,
 * the programme's pools, the patient's language and licence, spare capacity), never its
 * author; whoever read an earlier version reads again while still eligible.
 */
@Component
class SecondReaders {

	private final SpecialistDirectory directory;

	private final AssignmentLoad load;

	private final CaseAssignments assignments;

	private final CaseLifecycle parties;

	private final PatientProfiles profiles;

	private final ServerSteps server;

	private final Tenants tenants;

	private final Clock clock;

	SecondReaders(SpecialistDirectory directory, AssignmentLoad load, CaseAssignments assignments,
			CaseLifecycle parties, PatientProfiles profiles, ServerSteps server, Tenants tenants, Clock clock) {
		this.directory = directory;
		this.load = load;
		this.assignments = assignments;
		this.parties = parties;
		this.profiles = profiles;
		this.server = server;
		this.tenants = tenants;
		this.clock = clock;
	}

	Optional<Assignment.Assignee> choose(CaseId caseId, String specialty, String authorSpecialistId) {
		List<Ranking.Candidate> candidates = this.directory.candidates(specialty, this.load.bySpecialist())
			.stream()
			.filter((candidate) -> !candidate.id().equals(authorSpecialistId))
			.toList();
		List<Ranking.Suggestion> ranked = Ranking.rank(needs(caseId, specialty), candidates, candidates.size());
		Optional<String> previous = previousReader(caseId);
		Optional<Ranking.Suggestion> chosen = ranked.stream()
			.filter((suggestion) -> previous.filter(suggestion.specialistId()::equals).isPresent())
			.findFirst()
			.or(() -> ranked.stream().findFirst());
		return chosen.flatMap((suggestion) -> this.directory.signIn(suggestion.specialistId()))
			.map((signIn) -> new Assignment.Assignee(signIn.accountId(), signIn.displayName(), signIn.specialistId()));
	}

	/**
	 * Who read the case's earlier versions (their assignment is done; the server sees
	 * it).
	 */
	private Optional<String> previousReader(CaseId caseId) {
		return this.server.call(() -> this.assignments.ofCase(caseId))
			.stream()
			.filter((assignment) -> assignment.task() == Assignment.Task.SECOND_READ)
			.max(Comparator.comparing(Assignment::assignedAt))
			.map(Assignment::specialistId);
	}

	private Ranking.CaseNeeds needs(CaseId caseId, String specialty) {
		TenantConfig config = this.tenants.current().config();
		Optional<Demographics> patient = this.profiles.find(this.parties.participants(caseId).patientId());
		LocalDate today = LocalDate.now(this.clock.withZone(config.branding().businessHours().timeZone()));
		return new Ranking.CaseNeeds(specialty, null, patient.map(Demographics::preferredLanguage).orElse(null),
				patient.map(Demographics::country).orElse(null), patient.map(Demographics::region).orElse(null),
				Set.copyOf(config.workflow().specialistPools()), null, today);
	}

}

package org.consilium.review.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.consilium.cases.CaseId;
import org.consilium.cases.CaseLifecycle;
import org.consilium.identity.Demographics;
import org.consilium.identity.PatientProfiles;
import org.consilium.review.CaseKey;
import org.consilium.review.Reread;
import org.consilium.specialists.Ranking;
import org.consilium.specialists.SpecialistDirectory;
import org.consilium.tenant.Tenant;
import org.consilium.tenant.Tenants;

import org.springframework.stereotype.Component;

/**
 * Readers for a re-read, ranked as specialists are for a case: what the case needs comes
 * from its programme and its patient's profile; a reader's load counts their open
 * assignments in every programme, each read in its own partition.
 */
@Component
class RereadSuggestions {

	static final int LIMIT = 20;

	private final InTenant inTenant;

	private final RereadCases cases;

	private final CaseLifecycle lifecycle;

	private final PatientProfiles profiles;

	private final AssignmentLoad load;

	private final SpecialistDirectory directory;

	private final Tenants tenants;

	private final Clock clock;

	RereadSuggestions(InTenant inTenant, RereadCases cases, CaseLifecycle lifecycle, PatientProfiles profiles,
			AssignmentLoad load, SpecialistDirectory directory, Tenants tenants, Clock clock) {
		this.inTenant = inTenant;
		this.cases = cases;
		this.lifecycle = lifecycle;
		this.profiles = profiles;
		this.load = load;
		this.directory = directory;
		this.tenants = tenants;
		this.clock = clock;
	}

	List<Ranking.Suggestion> rank(CaseKey key, UUID rereadId) {
		return rank(key, rereadId, LIMIT);
	}

	/** Whether the specialist is among every reader the ranking would suggest. */
	boolean eligible(CaseKey key, UUID rereadId, String specialistId) {
		return rank(key, rereadId, Integer.MAX_VALUE).stream()
			.anyMatch((suggestion) -> suggestion.specialistId().equals(specialistId));
	}

	private List<Ranking.Suggestion> rank(CaseKey key, UUID rereadId, int limit) {
		Ranking.CaseNeeds needs = this.inTenant.read(key, () -> needs(key, rereadId));
		return Ranking.rank(needs, this.directory.candidates(needs.specialty(), this.load.bySpecialist()), limit);
	}

	private Ranking.CaseNeeds needs(CaseKey key, UUID rereadId) {
		CaseId caseId = this.cases.open(key).id();
		Reread.Kind kind = this.cases.pendingReread(caseId, rereadId).kind();
		Optional<Demographics> patient = this.profiles.find(this.lifecycle.participants(caseId).patientId());
		Tenant tenant = this.tenants.find(key.tenant()).orElseThrow();
		LocalDate today = LocalDate.now(this.clock.withZone(tenant.config().branding().businessHours().timeZone()));
		return new Ranking.CaseNeeds(kind.specialty(), null, patient.map(Demographics::preferredLanguage).orElse(null),
				patient.map((p) -> upper(p.country())).orElse(null), patient.map((p) -> upper(p.region())).orElse(null),
				Set.copyOf(tenant.config().workflow().specialistPools()), null, today);
	}

	private static String upper(String code) {
		return (code != null && !code.isBlank()) ? code.strip().toUpperCase(Locale.ROOT) : null;
	}

}

package org.consilium.review.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.consilium.cases.CaseAssignments;
import org.consilium.cases.CaseId;
import org.consilium.cases.CasePatients;
import org.consilium.identity.Demographics;
import org.consilium.identity.PatientProfiles;
import org.consilium.review.CaseKey;
import org.consilium.review.Reread;
import org.consilium.specialists.Ranking;
import org.consilium.specialists.SpecialistDirectory;
import org.consilium.tenant.Tenant;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.Tenants;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

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

	private final CasePatients patients;

	private final PatientProfiles profiles;

	private final CaseAssignments assignments;

	private final SpecialistDirectory directory;

	private final Tenants tenants;

	private final TransactionTemplate readOnly;

	private final Clock clock;

	RereadSuggestions(InTenant inTenant, RereadCases cases, CasePatients patients, PatientProfiles profiles,
			CaseAssignments assignments, SpecialistDirectory directory, Tenants tenants,
			PlatformTransactionManager transactionManager, Clock clock) {
		this.inTenant = inTenant;
		this.cases = cases;
		this.patients = patients;
		this.profiles = profiles;
		this.assignments = assignments;
		this.directory = directory;
		this.tenants = tenants;
		this.readOnly = new TransactionTemplate(transactionManager);
		this.readOnly.setReadOnly(true);
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
		return Ranking.rank(needs, this.directory.candidates(needs.specialty(), loadEverywhere()), limit);
	}

	private Ranking.CaseNeeds needs(CaseKey key, UUID rereadId) {
		CaseId caseId = this.cases.open(key).id();
		Reread.Kind kind = this.cases.pendingReread(caseId, rereadId).kind();
		Demographics patient = this.profiles.find(this.patients.patientOf(caseId)).orElse(null);
		Tenant tenant = this.tenants.find(key.tenant()).orElseThrow();
		LocalDate today = LocalDate.now(this.clock.withZone(tenant.config().branding().businessHours().timeZone()));
		return new Ranking.CaseNeeds(kind.specialty(), null, (patient != null) ? patient.preferredLanguage() : null,
				(patient != null) ? upper(patient.country()) : null, (patient != null) ? upper(patient.region()) : null,
				java.util.Set.copyOf(tenant.config().workflow().specialistPools()), null, today);
	}

	/** Open assignments per specialist, summed over every programme. */
	private Map<String, Integer> loadEverywhere() {
		Map<String, Integer> load = new HashMap<>();
		for (Tenant tenant : this.tenants.all()) {
			Map<String, Integer> here = TenantContext.callAs(tenant.id(),
					() -> this.readOnly.execute((status) -> this.assignments.openLoadBySpecialist()));
			here.forEach((specialist, count) -> load.merge(specialist, count, Integer::sum));
		}
		return load;
	}

	private static String upper(String code) {
		return (code != null && !code.isBlank()) ? code.strip().toUpperCase(Locale.ROOT) : null;
	}

}

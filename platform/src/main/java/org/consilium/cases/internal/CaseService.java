package org.consilium.cases.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.consilium.audit.AuditEntry;
import org.consilium.audit.AuditLog;
import org.consilium.cases.CaseDetails;
import org.consilium.cases.CaseId;
import org.consilium.cases.CaseNotFoundException;
import org.consilium.cases.CaseReference;
import org.consilium.cases.CaseSummary;
import org.consilium.cases.Cases;
import org.consilium.cases.InvalidCaseException;
import org.consilium.identity.ConsiliumUser;
import org.consilium.identity.CurrentUser;
import org.consilium.tenant.Tenants;
import org.consilium.tenantconfig.Role;

import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and opens cases, auditing every read of a case in the same transaction.
 */
@Service
@Transactional
class CaseService implements Cases {

	static final int MAX_QUESTION = 4000;

	private static final int LIST_LIMIT = 200;

	private final MedicalCaseRepository cases;

	private final AuditLog audit;

	private final Tenants tenants;

	private final Clock clock;

	CaseService(MedicalCaseRepository cases, AuditLog audit, Tenants tenants, Clock clock) {
		this.cases = cases;
		this.audit = audit;
		this.tenants = tenants;
		this.clock = clock;
	}

	@Override
	public List<CaseSummary> list() {
		Optional<ConsiliumUser> user = CurrentUser.find();
		List<MedicalCase> found = seesAllCases(user) ? this.cases.findAllByOrderByCreatedAtDesc(Limit.of(LIST_LIMIT))
				: this.cases.findByPatientIdOrderByCreatedAtDesc(user.orElseThrow().id(), Limit.of(LIST_LIMIT));
		this.audit.record(AuditEntry.of("CASE_LIST_VIEWED").details(found.size() + " cases"));
		return found.stream().map(MedicalCase::summary).toList();
	}

	@Override
	public CaseDetails get(CaseId id) {
		return open(this.cases.findById(id.value()), id);
	}

	@Override
	public CaseDetails get(CaseReference reference) {
		return open(this.cases.findByReference(reference.value()), reference);
	}

	private CaseDetails open(Optional<MedicalCase> found, Object requested) {
		Optional<ConsiliumUser> user = CurrentUser.find();
		MedicalCase medicalCase = found.filter((c) -> seesAllCases(user) || c.belongsTo(user.orElseThrow().id()))
			.orElseThrow(() -> new CaseNotFoundException(requested));
		this.audit.record(AuditEntry.of("CASE_VIEWED").subject("case", medicalCase.id()));
		return medicalCase.details();
	}

	@Override
	public CaseDetails openDraft(String specialty, String question) {
		ConsiliumUser user = CurrentUser.require();
		if (specialty == null || !this.tenants.current().config().workflow().specialties().contains(specialty)) {
			throw new InvalidCaseException("specialty", "case.error.specialty");
		}
		String text = (question != null) ? question.strip() : "";
		if (text.isEmpty()) {
			throw new InvalidCaseException("question", "case.error.question-required");
		}
		if (text.length() > MAX_QUESTION) {
			throw new InvalidCaseException("question", "case.error.question-too-long");
		}
		MedicalCase draft = MedicalCase.draft(uniqueReference(), specialty, text, user.id(), user.displayName(),
				this.clock.instant());
		this.cases.save(draft);
		this.audit.record(AuditEntry.of("CASE_CREATED").subject("case", draft.id()));
		return draft.details();
	}

	private CaseReference uniqueReference() {
		for (int attempt = 0; attempt < 10; attempt++) {
			CaseReference reference = CaseReference.random();
			if (!this.cases.existsByReference(reference.value())) {
				return reference;
			}
		}
		throw new IllegalStateException("Could not find a free case reference in 10 attempts");
	}

	/**
	 * Coordinators and tenant admins see all of the tenant's cases. Without a user, the
	 * caller passed the service's access rule as a partner system with the cases.read
	 * scope: it sees all too.
	 */
	private static boolean seesAllCases(Optional<ConsiliumUser> user) {
		return user.map((u) -> u.has(Role.CASE_COORDINATOR) || u.has(Role.TENANT_ADMIN)).orElse(true);
	}

}

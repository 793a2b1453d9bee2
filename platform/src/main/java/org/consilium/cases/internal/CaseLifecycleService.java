package org.consilium.cases.internal;

import java.time.Clock;
import java.util.List;

import org.consilium.audit.AuditEntry;
import org.consilium.audit.AuditLog;
import org.consilium.cases.CaseBillingSettled;
import org.consilium.cases.CaseEvent;
import org.consilium.cases.CaseId;
import org.consilium.cases.CaseLifecycle;
import org.consilium.cases.CaseNotFoundException;
import org.consilium.cases.CaseSummary;
import org.consilium.tenant.TenantContext;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Triage, review, approval and delivery steps of a case, and its closing: the case closes
 * when its opinion has been delivered and billing has nothing left to do, in whichever
 * order those two happen.
 */
@Service
@Transactional
class CaseLifecycleService implements CaseLifecycle {

	private final MedicalCaseRepository cases;

	private final CaseTransitions transitions;

	private final AuditLog audit;

	private final Clock clock;

	CaseLifecycleService(MedicalCaseRepository cases, CaseTransitions transitions, AuditLog audit, Clock clock) {
		this.cases = cases;
		this.transitions = transitions;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	public CaseSummary apply(CaseId caseId, CaseEvent event, List<String> pendingWork) {
		MedicalCase medicalCase = load(caseId);
		this.transitions.apply(medicalCase, event, pendingWork);
		return medicalCase.summary();
	}

	@Override
	public void delivered(CaseId caseId) {
		MedicalCase medicalCase = load(caseId);
		if (medicalCase.delivered(this.clock.instant())) {
			this.audit.record(AuditEntry.of("CASE_DELIVERED").subject("case", caseId));
			closeIfDone(medicalCase);
		}
	}

	@Override
	@Transactional(readOnly = true)
	public List<CaseSummary> inStatuses(java.util.Collection<org.consilium.cases.CaseStatus> statuses, int limit) {
		return this.cases
			.findByStatusInOrderByDueOnAscCreatedAtAsc(statuses, org.springframework.data.domain.Limit.of(limit))
			.stream()
			.map(MedicalCase::summary)
			.toList();
	}

	@Override
	@Transactional(readOnly = true)
	public Participants participants(CaseId caseId) {
		MedicalCase medicalCase = load(caseId);
		return new Participants(medicalCase.patientId(), medicalCase.physicianUserId());
	}

	@Override
	@Transactional(readOnly = true)
	public CaseSummary summary(CaseId caseId) {
		return load(caseId).summary();
	}

	/** Raised by billing inside its transaction, in the case's tenant. */
	@EventListener
	void billingSettled(CaseBillingSettled settled) {
		if (!settled.tenant().equals(TenantContext.current())) {
			throw new IllegalStateException("Billing event for " + settled.tenant() + " raised in another tenant");
		}
		MedicalCase medicalCase = load(settled.caseId());
		if (medicalCase.billingSettled(this.clock.instant())) {
			this.audit.record(AuditEntry.of("CASE_BILLING_SETTLED").subject("case", settled.caseId()));
			closeIfDone(medicalCase);
		}
	}

	private void closeIfDone(MedicalCase medicalCase) {
		if (medicalCase.readyToClose()) {
			this.transitions.apply(medicalCase, CaseEvent.CLOSE, List.of());
		}
	}

	private MedicalCase load(CaseId caseId) {
		return this.cases.findById(caseId.value()).orElseThrow(() -> new CaseNotFoundException(caseId));
	}

}

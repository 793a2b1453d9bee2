package org.consilium.cases;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Moves the current tenant's cases through the rest of their life (triage, review,
 * approval, delivery) by the one state machine; every step audited, on the timeline and
 * announced as {@link CaseStatusChanged}. The feature services that call these carry the
 * role checks of their actions.
 */
public interface CaseLifecycle {

	/**
	 * @param pendingWork message keys of work that must be done before the event may
	 * happen (e.g. open re-reads before approval); the state machine refuses it while any
	 * is listed
	 * @throws CaseNotFoundException if the caller cannot see the case
	 * @throws IllegalCaseTransitionException if the case cannot go that way now
	 */
	@PreAuthorize("isAuthenticated()")
	CaseSummary apply(CaseId caseId, CaseEvent event, List<String> pendingWork);

	/**
	 * The opinion reached its first reader; the case closes if billing is settled too.
	 * Idempotent.
	 */
	void delivered(CaseId caseId);

	/**
	 * The tenant's cases in any of the statuses, soonest due first: for staff who see
	 * every case (triage); limited actors see only their assigned ones.
	 */
	@PreAuthorize("hasAnyRole('TRIAGE', 'CASE_COORDINATOR', 'PLATFORM_ADMIN')")
	List<CaseSummary> inStatuses(java.util.Collection<CaseStatus> statuses, int limit);

	/** The account id of the case's patient, and of its doctor if one takes part. */
	@PreAuthorize("isAuthenticated()")
	Participants participants(CaseId caseId);

	/**
	 * Who the case is about and who referred it.
	 *
	 * @param physicianId the doctor taking part in the case, or null
	 */
	record Participants(String patientId, String physicianId) {

		public boolean hasPhysician() {
			return this.physicianId != null;
		}

		public boolean isPatient(String userId) {
			return this.patientId.equals(userId);
		}

		public boolean isPhysician(String userId) {
			return userId != null && userId.equals(this.physicianId);
		}

	}

	/** The case as listed, if the caller can see it. */
	@PreAuthorize("isAuthenticated()")
	CaseSummary summary(CaseId caseId);

}

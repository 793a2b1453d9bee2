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

	/** The case as listed, if the caller can see it. */
	@PreAuthorize("isAuthenticated()")
	CaseSummary summary(CaseId caseId);

}

package org.consilium.cases;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a case is in its life (ARCHITECTURE.md, "Case state machine"). Only the one state
 * machine moves a case between them.
 */
public enum CaseStatus {

	DRAFT, SUBMITTED, AWAITING_PHYSICIAN, AWAITING_RECORDS, READY_FOR_TRIAGE, ASSIGNED, IN_REVIEW, OPINION_SUBMITTED,
	RETURNED, APPROVED, PUBLISHED, VIEWED_BY_PHYSICIAN, CLOSED, ON_HOLD, CANCELLED;

	private static final Set<CaseStatus> FINISHED = EnumSet.of(CLOSED, CANCELLED);

	/** Whether the case still takes additions. */
	public boolean isOpen() {
		return !FINISHED.contains(this);
	}

}

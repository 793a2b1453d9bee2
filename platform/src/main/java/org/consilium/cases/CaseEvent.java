package org.consilium.cases;

/**
 * What moves a case from one status to another. The state machine knows, for each, the
 * statuses it may happen in.
 */
public enum CaseEvent {

	SUBMIT, PHYSICIAN_COMPLETED, RECORDS_COMPLETE, HOLD, RESUME, ASSIGN, ACCEPT, DECLINE, SUBMIT_OPINION, RETURN,
	RESUBMIT, APPROVE, PUBLISH, PHYSICIAN_VIEWED, CLOSE, CANCEL

}

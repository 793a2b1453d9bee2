package org.consilium.cases.internal;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.consilium.cases.CaseEvent;
import org.consilium.cases.CaseStatus;
import org.consilium.cases.IllegalCaseTransitionException;
import org.consilium.tenantconfig.Workflow;

import static org.consilium.cases.CaseStatus.APPROVED;
import static org.consilium.cases.CaseStatus.ASSIGNED;
import static org.consilium.cases.CaseStatus.AWAITING_PHYSICIAN;
import static org.consilium.cases.CaseStatus.AWAITING_RECORDS;
import static org.consilium.cases.CaseStatus.CANCELLED;
import static org.consilium.cases.CaseStatus.CLOSED;
import static org.consilium.cases.CaseStatus.DRAFT;
import static org.consilium.cases.CaseStatus.IN_REVIEW;
import static org.consilium.cases.CaseStatus.ON_HOLD;
import static org.consilium.cases.CaseStatus.OPINION_SUBMITTED;
import static org.consilium.cases.CaseStatus.PUBLISHED;
import static org.consilium.cases.CaseStatus.READY_FOR_TRIAGE;
import static org.consilium.cases.CaseStatus.RETURNED;
import static org.consilium.cases.CaseStatus.SUBMITTED;
import static org.consilium.cases.CaseStatus.VIEWED_BY_PHYSICIAN;

/**
 * The one case state machine: which event may happen in which status, and where it leads
 * under the tenant's workflow variant. Steps a variant skips are passed through here (a
 * case whose variant does not require the doctor goes from submission straight to
 * awaiting records), never special- cased by callers.
 */
final class CaseStateMachine {

	private static final Map<CaseEvent, Set<CaseStatus>> ALLOWED = new EnumMap<>(CaseEvent.class);

	static {
		ALLOWED.put(CaseEvent.SUBMIT, EnumSet.of(DRAFT));
		ALLOWED.put(CaseEvent.PHYSICIAN_COMPLETED, EnumSet.of(AWAITING_PHYSICIAN, AWAITING_RECORDS));
		ALLOWED.put(CaseEvent.RECORDS_COMPLETE, EnumSet.of(AWAITING_RECORDS));
		ALLOWED.put(CaseEvent.HOLD, EnumSet.of(AWAITING_RECORDS, READY_FOR_TRIAGE, ASSIGNED, IN_REVIEW));
		ALLOWED.put(CaseEvent.RESUME, EnumSet.of(ON_HOLD));
		ALLOWED.put(CaseEvent.ASSIGN, EnumSet.of(READY_FOR_TRIAGE, ASSIGNED, IN_REVIEW, RETURNED));
		ALLOWED.put(CaseEvent.ACCEPT, EnumSet.of(ASSIGNED));
		ALLOWED.put(CaseEvent.DECLINE, EnumSet.of(ASSIGNED, IN_REVIEW, RETURNED));
		ALLOWED.put(CaseEvent.SUBMIT_OPINION, EnumSet.of(IN_REVIEW));
		ALLOWED.put(CaseEvent.RETURN, EnumSet.of(OPINION_SUBMITTED));
		ALLOWED.put(CaseEvent.RESUBMIT, EnumSet.of(RETURNED));
		ALLOWED.put(CaseEvent.APPROVE, EnumSet.of(OPINION_SUBMITTED));
		ALLOWED.put(CaseEvent.PUBLISH, EnumSet.of(APPROVED));
		ALLOWED.put(CaseEvent.PHYSICIAN_VIEWED, EnumSet.of(PUBLISHED));
		ALLOWED.put(CaseEvent.CLOSE, EnumSet.of(PUBLISHED, VIEWED_BY_PHYSICIAN));
		ALLOWED.put(CaseEvent.CANCEL, EnumSet.complementOf(EnumSet.of(CLOSED, CANCELLED)));
	}

	private CaseStateMachine() {
	}

	static boolean allows(CaseStatus from, CaseEvent event) {
		return ALLOWED.get(event).contains(from);
	}

	/**
	 * Where the event leads from the given status.
	 * @throws IllegalCaseTransitionException if it may not happen there
	 */
	static CaseStatus next(CaseStatus from, CaseEvent event, Workflow workflow, boolean physicianDone) {
		return next(from, event, workflow, new Facts(physicianDone, java.util.List.of(), false, false));
	}

	/**
	 * What the guards need to know beyond the status.
	 *
	 * @param pendingWork message keys of work that must be done before approval (open
	 * re-reads, a second read)
	 * @param delivered the opinion reached whoever the variant sends it to first
	 * @param billingSettled billing has nothing left to do
	 */
	record Facts(boolean physicianDone, java.util.List<String> pendingWork, boolean delivered, boolean billingSettled) {
	}

	static CaseStatus next(CaseStatus from, CaseEvent event, Workflow workflow, Facts facts) {
		if (!allows(from, event)) {
			throw new IllegalCaseTransitionException(from, event);
		}
		if (event == CaseEvent.APPROVE && !facts.pendingWork().isEmpty()) {
			throw new IllegalCaseTransitionException(from, event, facts.pendingWork());
		}
		if (event == CaseEvent.CLOSE && !(facts.delivered() && facts.billingSettled())) {
			throw new IllegalCaseTransitionException(from, event,
					java.util.List.of(facts.delivered() ? "case.pending.billing" : "case.pending.delivery"));
		}
		boolean physicianDone = facts.physicianDone();
		return switch (event) {
			case SUBMIT -> (workflow.doctorParticipation() == Workflow.DoctorParticipation.REQUIRED && !physicianDone)
					? AWAITING_PHYSICIAN : AWAITING_RECORDS;
			case PHYSICIAN_COMPLETED -> AWAITING_RECORDS;
			case RECORDS_COMPLETE -> READY_FOR_TRIAGE;
			case HOLD -> ON_HOLD;
			case RESUME -> AWAITING_RECORDS;
			case ASSIGN -> ASSIGNED;
			case ACCEPT -> IN_REVIEW;
			case DECLINE -> READY_FOR_TRIAGE;
			case SUBMIT_OPINION, RESUBMIT -> OPINION_SUBMITTED;
			case RETURN -> RETURNED;
			case APPROVE -> APPROVED;
			case PUBLISH -> PUBLISHED;
			case PHYSICIAN_VIEWED -> VIEWED_BY_PHYSICIAN;
			case CLOSE -> CLOSED;
			case CANCEL -> CANCELLED;
		};
	}

}

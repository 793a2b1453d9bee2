package org.consilium.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.consilium.cases.Assignment;
import org.consilium.cases.CaseDetails;
import org.consilium.cases.CaseStatus;
import org.consilium.cases.Turnaround;
import org.consilium.specialists.Ranking;

import org.springframework.security.access.prepost.PreAuthorize;

/**
 * The operator's triage across every programme: a queue of cases, ranked specialist
 * suggestions with the reason for each point, and the decisions — assign (with a reason),
 * reassign, or hold the case for missing records, which asks the patient and the doctor
 * for them.
 */
public interface Triage {

	/** The lane's cases of every programme, soonest due first. */
	@PreAuthorize("hasRole('TRIAGE')")
	List<QueueItem> queue(Lane lane);

	/**
	 * The case with its assignments and ranked suggestions; audited.
	 * @throws org.consilium.cases.CaseNotFoundException if there is no such case
	 */
	@PreAuthorize("hasRole('TRIAGE')")
	TriageCase open(CaseKey key);

	/**
	 * Assigns (or reassigns) the review to a suggested specialist.
	 * @throws ReviewProblems if the reason is missing or the specialist is not eligible
	 * (retired, away, at their limit, another specialty, no sign-in)
	 * @throws org.consilium.cases.IllegalCaseTransitionException if the case is not where
	 * it can be assigned
	 */
	@PreAuthorize("hasRole('TRIAGE')")
	void assign(CaseKey key, String specialistId, String reason);

	/**
	 * Puts the case on hold for insufficient records: the note goes on the patient's
	 * timeline, and the patient and the doctor are asked by e-mail (a link, never the
	 * note) to provide what is missing. Any open review assignment ends.
	 * @throws ReviewProblems if the note is missing or too long
	 */
	@PreAuthorize("hasRole('TRIAGE')")
	void hold(CaseKey key, String whatIsMissing);

	/**
	 * The records are complete (after waiting for them, or after a hold): the case is
	 * ready for triage.
	 */
	@PreAuthorize("hasRole('TRIAGE')")
	void markReady(CaseKey key);

	/** The queue's lanes. */
	enum Lane {

		/** Ready for triage: nobody holds the review. */
		READY(CaseStatus.READY_FOR_TRIAGE),
		/** With a specialist or an approver. */
		IN_REVIEW(CaseStatus.ASSIGNED, CaseStatus.IN_REVIEW, CaseStatus.RETURNED, CaseStatus.OPINION_SUBMITTED),
		/** Waiting for records, or on hold for missing ones. */
		WAITING(CaseStatus.AWAITING_RECORDS, CaseStatus.ON_HOLD);

		private final List<CaseStatus> statuses;

		Lane(CaseStatus... statuses) {
			this.statuses = List.of(statuses);
		}

		public List<CaseStatus> statuses() {
			return this.statuses;
		}

	}

	/**
	 * A case in the queue: no clinical content beyond the specialty.
	 *
	 * @param assignee who holds the review, if anyone
	 */
	record QueueItem(CaseKey key, String programme, CaseStatus status, String specialty, LocalDate dueOn,
			Optional<Turnaround.Standing> standing, Instant submittedAt, String assignee) {
	}

	/**
	 * A case as triage sees it.
	 *
	 * @param requestedSpecialist the name of the specialist the patient asked for, if any
	 * @param patientLanguage the patient's preferred language (ISO 639-1), if known
	 * @param patientLocation country and region the licence rules look at, e.g. "US-MA"
	 */
	record TriageCase(CaseKey key, String programme, CaseDetails details, Optional<Turnaround.Standing> standing,
			List<Assignment> assignments, List<Ranking.Suggestion> suggestions, String requestedSpecialist,
			String patientLanguage, String patientLocation) {

		public Optional<Assignment> openReview() {
			return this.assignments.stream()
				.filter((a) -> a.task() == Assignment.Task.REVIEW && a.isOpen())
				.findFirst();
		}

	}

}

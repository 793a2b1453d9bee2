package org.consilium.review;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.consilium.cases.Assignment;

import org.springframework.security.access.prepost.PreAuthorize;

/**
 * The specialist's workspace on the operator site: their open assignments across every
 * programme, the file of a case assigned to them, accepting or declining it, and writing
 * and submitting the opinion. Every case is worked on inside its own programme's
 * partition (decision 015); a case the caller is not assigned to is "not found".
 */
public interface SpecialistWork {

	/** The caller's open assignments in every programme, soonest due first. */
	@PreAuthorize("hasAnyRole('SPECIALIST', 'APPROVER')")
	List<WorkItem> worklist();

	/**
	 * The case file; audited as a read of health information.
	 * @throws org.consilium.cases.CaseNotFoundException if the caller may not read it
	 */
	@PreAuthorize("hasAnyRole('SPECIALIST', 'APPROVER', 'TRIAGE')")
	CaseFile caseFile(CaseKey key);

	/**
	 * The caller accepts their open assignment for the task; an accepted review puts the
	 * case in review.
	 * @throws ReviewProblems if the caller holds no open assignment for the task
	 */
	@PreAuthorize("hasAnyRole('SPECIALIST', 'APPROVER')")
	Assignment accept(CaseKey key, Assignment.Task task);

	/**
	 * The caller declines with a reason; a declined review goes back to triage and the
	 * caller's access to the case ends.
	 * @throws ReviewProblems if the reason is empty or too long (field {@code reason}),
	 * or there is no such assignment; nothing is changed then
	 */
	@PreAuthorize("hasAnyRole('SPECIALIST', 'APPROVER')")
	void decline(CaseKey key, Assignment.Task task, String reason);

	/**
	 * Saves the opinion as the specialist writes it (sizes checked only): the draft
	 * version is updated, or, after a return, a new version starts.
	 * @throws ReviewProblems unless the caller holds the accepted review and the case is
	 * in review or returned, or if a section is too long
	 */
	@PreAuthorize("hasRole('SPECIALIST')")
	OpinionVersion saveDraft(CaseKey key, OpinionContent content);

	/**
	 * Submits the latest draft: checked complete, frozen, the case moves on and
	 * {@link OpinionSubmitted} is raised in the same transaction.
	 * @throws ReviewProblems per field when something is missing; nothing is changed then
	 */
	@PreAuthorize("hasRole('SPECIALIST')")
	OpinionVersion submitOpinion(CaseKey key);

	/** Every version of the case's opinion, oldest first; audited. */
	@PreAuthorize("hasAnyRole('SPECIALIST', 'APPROVER', 'TRIAGE')")
	List<OpinionVersion> versions(CaseKey key);

	/** The latest second read or approval of the case's opinion, with its comment. */
	@PreAuthorize("hasAnyRole('SPECIALIST', 'APPROVER', 'TRIAGE')")
	Optional<ReviewNote> lastReview(CaseKey key);

	/**
	 * A reviewer's verdict on a version, as stored.
	 *
	 * @param kind e.g. second read or approval
	 * @param outcome e.g. returned
	 */
	record ReviewNote(int version, String kind, String outcome, String comment, String reviewerName,
			Instant reviewedAt) {

	}

}

package org.consilium.review;

import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Second reads and approval of a case's submitted opinion, on the operator site. Each
 * action belongs to the holder of the open assignment for it and ends that assignment
 * last (decision 015); approval publishes the opinion at once (decision 016).
 */
public interface Approvals {

	/**
	 * The case's request, its opinion versions with their reviews, its re-reads and what
	 * is still pending. Audited.
	 * @throws org.consilium.cases.CaseNotFoundException if the caller cannot see the case
	 */
	@PreAuthorize("hasAnyRole('APPROVER', 'SPECIALIST', 'TRIAGE')")
	ApprovalFile file(CaseKey key);

	/**
	 * The second reader agrees with the submitted version; it goes on to approval.
	 * @throws org.springframework.security.access.AccessDeniedException unless the caller
	 * holds the open second read
	 */
	@PreAuthorize("hasRole('SPECIALIST')")
	void concur(CaseKey key, String comment);

	/**
	 * The second reader disagrees: the opinion goes back to its specialist with the
	 * comment.
	 * @throws ReviewProblems if the comment is empty or too long; nothing changed
	 */
	@PreAuthorize("hasRole('SPECIALIST')")
	void disagree(CaseKey key, String comment);

	/**
	 * Approves and publishes the submitted version.
	 * @throws org.consilium.cases.IllegalCaseTransitionException listing what is pending
	 * (open re-reads, a missing second read); nothing changed
	 */
	@PreAuthorize("hasRole('APPROVER')")
	void approve(CaseKey key, String comment);

	/**
	 * Returns the submitted version to its specialist with the comment; they revise and
	 * submit again.
	 * @throws ReviewProblems if the comment is empty or too long; nothing changed
	 */
	@PreAuthorize("hasRole('APPROVER')")
	void returnOpinion(CaseKey key, String comment);

}

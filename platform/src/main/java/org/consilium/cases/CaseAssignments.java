package org.consilium.cases;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Who works on the current tenant's cases. Assigning or ending the review moves the case
 * by the state machine in the same transaction; access follows the open assignments
 * (row-level security, decision 015). The feature services that call these carry the role
 * checks of their actions.
 */
public interface CaseAssignments {

	/**
	 * Assigns the task, ending (as reassigned) whoever held it before. For the review,
	 * the case moves to "assigned".
	 * @throws CaseNotFoundException if the caller cannot see the case
	 * @throws IllegalCaseTransitionException if the case is not where the task can be
	 * assigned
	 */
	@PreAuthorize("isAuthenticated()")
	Assignment assign(CaseId caseId, Assignment.Task task, UUID rereadId, Assignment.Assignee assignee, String reason);

	/**
	 * The signed-in assignee accepts; for the review, the case moves to "in review".
	 * @throws AssignmentNotFoundException unless it is the caller's open assignment
	 */
	@PreAuthorize("isAuthenticated()")
	Assignment accept(CaseId caseId, UUID assignmentId);

	/**
	 * The signed-in assignee declines with a reason; a declined review goes back to
	 * triage. Their access ends with it.
	 * @throws AssignmentNotFoundException unless it is the caller's open assignment
	 * @throws InvalidCaseException if the reason is empty
	 */
	@PreAuthorize("isAuthenticated()")
	void decline(CaseId caseId, UUID assignmentId, String reason);

	/** The task is done; the assignee's access to the case ends. */
	@PreAuthorize("isAuthenticated()")
	void finish(CaseId caseId, UUID assignmentId);

	/**
	 * Ends one open assignment (e.g. its re-read was cancelled); the assignee's access to
	 * the case ends. Nothing happens if it is no longer open.
	 */
	@PreAuthorize("isAuthenticated()")
	void end(CaseId caseId, UUID assignmentId, String reason);

	/** Ends every open assignment of the task (e.g. when the case is published). */
	@PreAuthorize("isAuthenticated()")
	void endAll(CaseId caseId, Assignment.Task task, String reason);

	/** Every assignment of the case, oldest first, as the caller may see them. */
	@PreAuthorize("isAuthenticated()")
	List<Assignment> ofCase(CaseId caseId);

	/** The caller's open assignment for the task on the case. */
	@PreAuthorize("isAuthenticated()")
	Optional<Assignment> openOfCurrentUser(CaseId caseId, Assignment.Task task);

	/** The caller's open assignments in the current tenant, oldest first. */
	@PreAuthorize("isAuthenticated()")
	List<Assignment> openOfCurrentUser();

}

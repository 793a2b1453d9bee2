package org.consilium.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.consilium.cases.Assignment;
import org.consilium.cases.CaseStatus;
import org.consilium.cases.Turnaround;

/**
 * One open assignment of the signed-in operator user, as their worklist shows it.
 *
 * @param programme the tenant's display name
 * @param dueOn when the opinion is due, or null before submission
 * @param standing the case against its due date, or null where there is none
 */
public record WorkItem(CaseKey key, String programme, UUID assignmentId, Assignment.Task task, Assignment.State state,
		CaseStatus status, String specialty, LocalDate dueOn, Turnaround.Standing standing, Instant assignedAt) {

}

package org.consilium.cases;

import java.time.Instant;
import java.util.UUID;

/**
 * Someone working on a case for one task. While it is open (assigned or accepted) its
 * actor may read the case; when it ends, so does their access (decision 015).
 *
 * @param rereadId the re-read it is for, or null
 * @param specialistId the directory entry of the assignee, or null (approvers)
 * @param actorId the operator account that works on it
 * @param reason why triage chose the assignee, as they wrote it
 */
public record Assignment(UUID id, CaseId caseId, Task task, UUID rereadId, String specialistId, String actorId,
		String actorName, State state, String reason, String assignedBy, Instant assignedAt, Instant endedAt,
		String endReason) {

	public boolean isOpen() {
		return this.state == State.ASSIGNED || this.state == State.ACCEPTED;
	}

	/** What the assignee is asked to do. */
	public enum Task {

		REVIEW, SECOND_READ, APPROVAL, RADIOLOGY_REREAD, PATHOLOGY_REREAD

	}

	public enum State {

		ASSIGNED, ACCEPTED, DONE, DECLINED, ENDED

	}

	/** Who is to be assigned: an operator account, and their directory entry if any. */
	public record Assignee(String actorId, String actorName, String specialistId) {

	}

}

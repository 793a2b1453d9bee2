package org.consilium.review;

import java.time.Instant;
import java.util.UUID;

import org.consilium.cases.Assignment;
import org.consilium.cases.CaseId;

/**
 * A radiology re-read of a case's imaging or a pathology re-read of its slides or
 * reports, with its short structured report once done.
 *
 * @param assigneeName who reads it, while it is assigned and the viewer may see the
 * assignment (triage, the assignee); else null
 * @param assignmentState the open assignment's state (assigned or accepted), as for the
 * assignee's name; else null
 * @param report the report, once done; else null
 */
public record Reread(UUID id, CaseId caseId, Kind kind, State state, String note, String requestedByName,
		Instant requestedAt, String assigneeName, Assignment.State assignmentState, Report report) {

	/** Whether it still holds up the approval of the opinion. */
	public boolean isPending() {
		return this.state == State.REQUESTED || this.state == State.ASSIGNED;
	}

	/** What is read again, and by which specialty. */
	public enum Kind {

		RADIOLOGY("radiology", Assignment.Task.RADIOLOGY_REREAD),
		PATHOLOGY("pathology", Assignment.Task.PATHOLOGY_REREAD);

		private final String specialty;

		private final Assignment.Task task;

		Kind(String specialty, Assignment.Task task) {
			this.specialty = specialty;
			this.task = task;
		}

		/** The assignment task of its reader. */
		public Assignment.Task task() {
			return this.task;
		}

		/** The directory specialty of its readers. */
		public String specialty() {
			return this.specialty;
		}

	}

	/** Finished states are DONE and CANCELLED; the others hold up approval. */
	public enum State {

		REQUESTED, ASSIGNED, DONE, CANCELLED

	}

	/** How the re-read compares with the original report. */
	public enum Concordance {

		AGREES, MINOR_DISCREPANCY, MAJOR_DISCREPANCY

	}

	/** The reader's structured report. */
	public record Report(String findings, String impression, Concordance concordance, String reportedByName,
			Instant reportedAt) {
	}

}

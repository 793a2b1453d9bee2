package org.consilium.review;

import java.time.Instant;

/**
 * A radiology or pathology re-read of a case and its short report, as it stands.
 *
 * @param findings what the reader saw, or null until reported
 * @param concordance how the re-read compares with the original reading, or null
 * @param reportedByName who reported it, or null
 */
public record RereadReport(Kind kind, State state, String findings, String impression, String concordance,
		String reportedByName, Instant reportedAt) {

	public boolean isSettled() {
		return this.state == State.DONE || this.state == State.CANCELLED;
	}

	public enum Kind {

		RADIOLOGY, PATHOLOGY

	}

	public enum State {

		REQUESTED, ASSIGNED, DONE, CANCELLED

	}

}

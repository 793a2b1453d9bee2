package org.consilium.retrieval;

import java.util.List;

/**
 * Where a retrieval request is. Staff move it on as the partner reports; only they can
 * say it is completed, and a request never completes by itself.
 */
public enum RetrievalStatus {

	REQUESTED, SENT_TO_PARTNER, IN_PROGRESS, RECEIVED_PARTIAL, COMPLETED, FAILED;

	/** The states staff may move a request on to from this one. */
	public List<RetrievalStatus> next() {
		return switch (this) {
			case REQUESTED -> List.of(SENT_TO_PARTNER, FAILED);
			case SENT_TO_PARTNER -> List.of(IN_PROGRESS, FAILED);
			case IN_PROGRESS -> List.of(RECEIVED_PARTIAL, COMPLETED, FAILED);
			case RECEIVED_PARTIAL -> List.of(IN_PROGRESS, COMPLETED, FAILED);
			case COMPLETED, FAILED -> List.of();
		};
	}

	public boolean isFinal() {
		return next().isEmpty();
	}

	/** Whether staff must say what happened (what is missing, why it failed). */
	public boolean needsNote() {
		return this == RECEIVED_PARTIAL || this == FAILED;
	}

}

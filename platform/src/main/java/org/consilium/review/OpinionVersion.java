package org.consilium.review;

import java.time.Instant;

/**
 * One version of a case's opinion; every version is kept.
 *
 * @param submittedAt when it was submitted, or null for a draft
 */
public record OpinionVersion(int version, State state, String authorName, OpinionContent content, Instant savedAt,
		Instant submittedAt) {

	public enum State {

		DRAFT, SUBMITTED, RETURNED, APPROVED

	}

}

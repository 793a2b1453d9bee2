package org.consilium.review.internal;

import org.consilium.review.ReviewProblems;

/** A reviewer's comment: required where it explains a decision against the opinion. */
final class Comments {

	static final String FIELD = "comment";

	static final int MAX = 4_000;

	private Comments() {
	}

	/**
	 * @return the comment, stripped, or null when empty
	 */
	static String optional(String text) {
		String comment = (text != null) ? text.strip() : "";
		if (comment.length() > MAX) {
			throw ReviewProblems.of(FIELD, "approval.error.comment-length");
		}
		return comment.isEmpty() ? null : comment;
	}

	static String required(String text) {
		String comment = optional(text);
		if (comment == null) {
			throw ReviewProblems.of(FIELD, "approval.error.comment-required");
		}
		return comment;
	}

}

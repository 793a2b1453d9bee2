package org.consilium.review;

import java.util.List;
import java.util.Map;

/**
 * What must be fixed before the action can happen, per field (message keys). Nothing was
 * changed.
 */
public class ReviewProblems extends RuntimeException {

	private final Map<String, List<String>> problems;

	public ReviewProblems(Map<String, List<String>> problems) {
		super("Cannot proceed: " + problems);
		this.problems = Map.copyOf(problems);
	}

	public static ReviewProblems of(String field, String key) {
		return new ReviewProblems(Map.of(field, List.of(key)));
	}

	public Map<String, List<String>> problems() {
		return this.problems;
	}

}

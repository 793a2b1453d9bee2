package org.consilium.retrieval;

import java.util.List;
import java.util.Map;

/**
 * A request or status change that cannot be accepted as given: message keys per field, to
 * show next to it. Nothing was changed.
 */
public class RetrievalProblems extends RuntimeException {

	private final transient Map<String, List<String>> problems;

	public RetrievalProblems(Map<String, List<String>> problems) {
		super("Retrieval request problems: " + problems);
		this.problems = Map.copyOf(problems);
	}

	public static RetrievalProblems of(String field, String messageKey) {
		return new RetrievalProblems(Map.of(field, List.of(messageKey)));
	}

	public Map<String, List<String>> problems() {
		return this.problems;
	}

}

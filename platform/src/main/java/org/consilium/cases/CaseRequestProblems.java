package org.consilium.cases;

import java.util.List;
import java.util.Map;

/**
 * A case request that cannot be submitted as it is: message keys per field, to show next
 * to it.
 */
public class CaseRequestProblems extends RuntimeException {

	private final transient Map<String, List<String>> problems;

	public CaseRequestProblems(Map<String, List<String>> problems) {
		super("Case request problems: " + problems);
		this.problems = Map.copyOf(problems);
	}

	public Map<String, List<String>> problems() {
		return this.problems;
	}

}

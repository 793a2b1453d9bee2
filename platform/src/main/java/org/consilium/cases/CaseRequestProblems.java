package org.consilium.cases;

import java.util.List;
import java.util.Map;

/**
 * A case request that cannot be submitted as it is: message keys per field, to show next
 * to it.
 */
public class CaseRequestProblems extends RuntimeException {

	/**
	 * The key of a problem with the patient rather than a field: their programme's census
	 * no longer lists them.
	 */
	public static final String ELIGIBILITY = "eligibility";

	private final transient Map<String, List<String>> problems;

	public CaseRequestProblems(Map<String, List<String>> problems) {
		super("Case request problems: " + problems);
		this.problems = Map.copyOf(problems);
	}

	public Map<String, List<String>> problems() {
		return this.problems;
	}

}

package org.consilium.cases;

/**
 * The case cannot go that way from where it is (e.g. submitting a case twice).
 */
public class IllegalCaseTransitionException extends RuntimeException {

	public IllegalCaseTransitionException(CaseStatus from, CaseEvent event) {
		super("A case cannot " + event + " when it is " + from);
	}

}

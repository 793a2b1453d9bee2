package org.consilium.cases;

/**
 * The case no longer takes additions (closed or cancelled).
 */
public class CaseClosedException extends RuntimeException {

	public CaseClosedException(CaseId id) {
		super("Case " + id + " is closed");
	}

}

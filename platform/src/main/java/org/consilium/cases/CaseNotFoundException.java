package org.consilium.cases;

/**
 * No case with this id or reference is visible to the current user in the current tenant.
 * Says nothing about whether it exists elsewhere.
 */
public class CaseNotFoundException extends RuntimeException {

	public CaseNotFoundException(Object idOrReference) {
		super("No case " + idOrReference);
	}

}

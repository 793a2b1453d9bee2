package org.consilium.cases;

import java.util.UUID;

/**
 * No such open assignment of the signed-in user: it never existed, belongs to someone
 * else, or has ended (reassigned, declined, done).
 */
public class AssignmentNotFoundException extends RuntimeException {

	public AssignmentNotFoundException(UUID id) {
		super("No open assignment " + id + " of the current user");
	}

}

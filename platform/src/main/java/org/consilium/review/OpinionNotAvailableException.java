package org.consilium.review;

/**
 * The case's opinion is not (yet) there for this reader: not published, or, where it goes
 * to the doctor first, not yet opened by the doctor.
 */
public class OpinionNotAvailableException extends RuntimeException {

	public OpinionNotAvailableException(Object reference) {
		super("The opinion of " + reference + " is not available to the current user yet");
	}

}

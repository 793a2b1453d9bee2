package org.consilium.retrieval;

/**
 * The current programme's workflow has no records-retrieval partner; its pages answer
 * "not found".
 */
public class RetrievalNotOfferedException extends RuntimeException {

	public RetrievalNotOfferedException() {
		super("This programme does not offer records retrieval");
	}

}

package org.consilium.retrieval;

import java.time.Instant;

/**
 * Hands an authorised request to the records-retrieval partner. Called inside the
 * transaction that stores the request: an implementation must only queue work that
 * commits with it (the outbox), never call out directly. The first implementation e-mails
 * the partner a link to the request letter; the e-mail itself carries no clinical
 * content.
 */
public interface RetrievalPartner {

	void forward(Forwarded request);

	/**
	 * @param letterLink absolute, expiring link to the letter on the programme's site
	 */
	record Forwarded(RequestLetter letter, String letterLink, Instant linkExpiresAt) {
	}

}

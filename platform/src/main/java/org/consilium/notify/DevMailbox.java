package org.consilium.notify;

import java.time.Instant;
import java.util.List;

/**
 * Development only: where e-mails go when no mail server is configured, for a page to
 * show. The bean exists only then.
 */
public interface DevMailbox {

	/** Newest first. */
	List<Entry> messages();

	/** A kept e-mail. */
	record Entry(Instant receivedAt, String to, String subject, String text, String html) {
	}

}

package org.consilium.identity;

import java.util.List;

/**
 * A census file refused as a whole, with nothing applied: unreadable, too large, or with
 * invalid rows the admin did not choose to skip. The message key is
 * {@code census.error.*} in the bundles.
 */
public class CensusImportException extends RuntimeException {

	private final String messageKey;

	private final List<String> args;

	public CensusImportException(String messageKey, Object... args) {
		super(messageKey + " " + List.of(args));
		this.messageKey = messageKey;
		this.args = java.util.Arrays.stream(args).map(String::valueOf).toList();
	}

	public String messageKey() {
		return this.messageKey;
	}

	public List<String> args() {
		return this.args;
	}

}

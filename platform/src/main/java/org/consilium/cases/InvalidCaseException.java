package org.consilium.cases;

/**
 * A case request that cannot be accepted as given.
 *
 * @see #field()
 */
public class InvalidCaseException extends RuntimeException {

	private final String field;

	private final String messageKey;

	public InvalidCaseException(String field, String messageKey) {
		super(field + ": " + messageKey);
		this.field = field;
		this.messageKey = messageKey;
	}

	/** The field at fault, as named in the API. */
	public String field() {
		return this.field;
	}

	/** The translation key of the message to show next to the field. */
	public String messageKey() {
		return this.messageKey;
	}

}

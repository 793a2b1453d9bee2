package org.consilium.console.ui;

/**
 * Numbers as the tenant file holds them, for number fields.
 */
final class ConsoleNumbers {

	private ConsoleNumbers() {
	}

	/** The whole number in the text, or null when there is none. */
	static Integer parse(String text) {
		try {
			return Integer.valueOf(text.strip().replace("_", ""));
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}

package org.consilium.tenantconfig;

import java.util.List;

/**
 * A question a tenant adds to the case request for one specialty.
 *
 * @param options the allowed answers, for {@link Type#SINGLE_CHOICE} only
 */
public record IntakeQuestion(String id, Type type, boolean required, LocalizedText label, List<LocalizedText> options) {

	public IntakeQuestion {
		options = List.copyOf(options);
	}

	public enum Type {

		TEXT, LONG_TEXT, YES_NO, SINGLE_CHOICE, DATE

	}

}

package org.consilium.tenantconfig;

import java.util.List;
import java.util.Locale;

/**
 * A user is eligible when the named attribute has one of the allowed values (compared
 * without regard to case).
 */
public record EligibilityRule(String attribute, List<String> anyOf) {

	public EligibilityRule {
		anyOf = List.copyOf(anyOf);
	}

	public boolean allows(List<String> values) {
		return values.stream()
			.map((v) -> v.trim().toLowerCase(Locale.ROOT))
			.anyMatch((v) -> this.anyOf.stream().anyMatch((allowed) -> allowed.toLowerCase(Locale.ROOT).equals(v)));
	}

}

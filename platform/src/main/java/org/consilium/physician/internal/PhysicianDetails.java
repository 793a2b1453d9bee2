package org.consilium.physician.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a doctor tells about their practice when they register.
 */
public record PhysicianDetails(String licenceNumber, String specialty, String practice, String phone, String fax) {

	private static final Pattern PHONE = Pattern.compile("[+0-9 ()./-]{6,40}");

	/** Stripped, with an empty fax as none. */
	PhysicianDetails clean() {
		return new PhysicianDetails(strip(this.licenceNumber), strip(this.specialty), strip(this.practice),
				strip(this.phone), (strip(this.fax).isEmpty()) ? null : strip(this.fax));
	}

	/** Problems per field (message keys) of the cleaned details. */
	Map<String, List<String>> problems() {
		Map<String, List<String>> problems = new LinkedHashMap<>();
		if (this.licenceNumber.isEmpty() || this.licenceNumber.length() > 64) {
			problems.put("licence", List.of("physician.error.licence"));
		}
		if (this.specialty.isEmpty() || this.specialty.length() > 120) {
			problems.put("specialty", List.of("physician.error.specialty"));
		}
		if (this.practice.isEmpty() || this.practice.length() > 200) {
			problems.put("practice", List.of("physician.error.practice"));
		}
		if (!PHONE.matcher(this.phone).matches() || this.phone.chars().filter(Character::isDigit).count() < 6) {
			problems.put("phone", List.of("physician.error.phone"));
		}
		if (this.fax != null
				&& (!PHONE.matcher(this.fax).matches() || this.fax.chars().filter(Character::isDigit).count() < 6)) {
			problems.put("fax", List.of("physician.error.fax"));
		}
		return problems;
	}

	private static String strip(String text) {
		return (text != null) ? text.strip() : "";
	}

}

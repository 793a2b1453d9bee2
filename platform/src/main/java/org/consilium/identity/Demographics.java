package org.consilium.identity;

import java.time.LocalDate;

/**
 * A patient's demographics, as the programme needs them to run a case.
 *
 * @param country ISO 3166-1 alpha-2 code
 * @param preferredLanguage a language the programme offers, e.g. {@code es}
 * @param employeeId the employer's id for the patient, where the programme checks a
 * census
 */
public record Demographics(String legalName, LocalDate dateOfBirth, Sex sex, String addressLine, String city,
		String region, String postalCode, String country, String phone, String preferredLanguage, String employeeId) {

	public enum Sex {

		FEMALE, MALE, OTHER, UNDISCLOSED

	}

}

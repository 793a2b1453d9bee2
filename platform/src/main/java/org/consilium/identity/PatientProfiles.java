package org.consilium.identity;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Patients' demographics on the current tenant's site.
 */
public interface PatientProfiles {

	Optional<Demographics> find(String userId);

	/** The language the patient asked to be written to in, else the fallback. */
	default java.util.Locale preferredLocale(String userId, java.util.Locale fallback) {
		return find(userId).map(Demographics::preferredLanguage)
			.filter((language) -> !language.isBlank())
			.map(java.util.Locale::forLanguageTag)
			.orElse(fallback);
	}

	/**
	 * Saves the signed-in patient's demographics (checked against the census where the
	 * programme uses one).
	 * @return problems per field (message keys); empty when saved
	 */
	Map<String, List<String>> saveOwn(Demographics demographics);

	/**
	 * Whether the patient may open a case under the programme's eligibility rule now:
	 * always where the programme keeps no census; on a census programme only while the
	 * census still lists the employee id, name and date of birth of their profile.
	 */
	boolean eligible(String userId);

}

package org.consilium.specialists;

import java.util.List;

/**
 * What a patient may see of a specialist when asking for one by name.
 *
 * @param id stable identifier, stored on the case as the requested specialist
 * @param credentials e.g. "MD, PhD, FACC"
 * @param specialties codes from the platform's specialty list
 * @param languages ISO 639-1 codes the specialist writes opinions in
 */
public record SpecialistCard(String id, String displayName, String credentials, String institution,
		List<String> specialties, List<String> languages) {

	public SpecialistCard {
		specialties = List.copyOf(specialties);
		languages = List.copyOf(languages);
	}

}

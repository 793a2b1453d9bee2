package org.consilium.programmes;

import java.util.List;

/**
 * What a platform admin gives to create a programme; the rest comes from the template
 * (see {@code new-programme.yaml}) and is completed by the programme's admin.
 *
 * @param hosts host names, the first being the canonical one
 * @param locales language codes, e.g. {@code en}
 */
public record NewProgramme(String slug, String displayName, List<String> hosts, List<String> locales, String adminName,
		String adminEmail) {

	public NewProgramme {
		hosts = (hosts != null) ? List.copyOf(hosts) : List.of();
		locales = (locales != null) ? List.copyOf(locales) : List.of();
	}

}

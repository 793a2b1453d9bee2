package org.consilium.tenantconfig;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Text a tenant writes itself (consents, intake questions, footer), one translation per
 * supported locale. Validation guarantees every tenant locale has a translation.
 */
public record LocalizedText(Map<String, String> translations) {

	public LocalizedText {
		translations = Map.copyOf(translations);
	}

	/**
	 * The text in the given locale's language, else in the first language in sorted
	 * order.
	 */
	public String in(Locale locale) {
		String text = this.translations.get(locale.getLanguage());
		if (text != null) {
			return text;
		}
		return new TreeMap<>(this.translations).firstEntry().getValue();
	}

}

package org.consilium.shell.internal;

import java.util.List;
import java.util.Locale;

import com.vaadin.flow.i18n.I18NProvider;

import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Component;

/**
 * Vaadin's translations, from the same message bundles as every other user-facing text
 * ({@code i18n/messages*.properties}). A missing key shows as {@code !key!} so it is
 * noticed, and a test keeps the bundles in step.
 */
@Component
class ConsiliumI18NProvider implements I18NProvider {

	static final List<Locale> LOCALES = List.of(Locale.ENGLISH, Locale.forLanguageTag("es"));

	private final MessageSource messages;

	ConsiliumI18NProvider(MessageSource messages) {
		this.messages = messages;
	}

	@Override
	public List<Locale> getProvidedLocales() {
		return LOCALES;
	}

	@Override
	public String getTranslation(String key, Locale locale, Object... params) {
		try {
			return this.messages.getMessage(key, params, (locale != null) ? locale : Locale.ENGLISH);
		}
		catch (NoSuchMessageException ex) {
			return "!" + key + "!";
		}
	}

}

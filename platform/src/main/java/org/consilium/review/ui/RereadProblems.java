package org.consilium.review.ui;

import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import org.consilium.review.ReviewProblems;

/**
 * Shows the server's problems next to their fields; a problem that belongs to no field on
 * the form (the case moved on, the re-read closed) becomes an error notification.
 */
final class RereadProblems {

	private RereadProblems() {
	}

	static void show(Component owner, ReviewProblems problems, Map<String, ? extends HasValidation> fields) {
		Map<String, List<String>> byField = (problems != null) ? problems.problems() : Map.of();
		fields.forEach((name, field) -> {
			List<String> keys = byField.get(name);
			field.setInvalid(keys != null);
			field.setErrorMessage((keys != null) ? owner.getTranslation(keys.get(0)) : null);
		});
		byField.forEach((name, keys) -> {
			if (!fields.containsKey(name)) {
				error(owner, keys.get(0));
			}
		});
	}

	static void clear(Component owner, Map<String, ? extends HasValidation> fields) {
		show(owner, null, fields);
	}

	static void error(Component owner, String key) {
		Notification.show(owner.getTranslation(key)).addThemeVariants(NotificationVariant.LUMO_ERROR);
	}

	static void success(Component owner, String key, Object... args) {
		Notification.show(owner.getTranslation(key, args)).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
	}

}

package org.consilium.physician.ui;

import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import org.consilium.identity.PasswordPolicy;

/**
 * Puts the server's problems (message keys per field) next to their fields; a field
 * without problems is valid again.
 */
final class FieldErrors {

	private FieldErrors() {
	}

	static void show(Map<String, ? extends HasValidation> fields, Map<String, List<String>> problems) {
		fields.forEach((name, field) -> {
			List<String> keys = problems.getOrDefault(name, List.of());
			if (keys.isEmpty()) {
				field.setInvalid(false);
				return;
			}
			Component component = (Component) field;
			field.setErrorMessage(String.join(" ",
					keys.stream().map((key) -> component.getTranslation(key, PasswordPolicy.MIN_LENGTH)).toList()));
			field.setInvalid(true);
		});
	}

}

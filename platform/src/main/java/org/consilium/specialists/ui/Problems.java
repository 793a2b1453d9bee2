package org.consilium.specialists.ui;

import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;

/**
 * Shows the server's problems next to their fields (message keys per field); clears the
 * others.
 */
final class Problems {

	private Problems() {
	}

	static void show(Component owner, Map<String, List<String>> problems, Map<String, ? extends HasValidation> fields) {
		fields.forEach((name, field) -> {
			List<String> keys = problems.get(name);
			field.setInvalid(keys != null);
			field.setErrorMessage((keys != null) ? owner.getTranslation(keys.get(0)) : null);
		});
	}

}

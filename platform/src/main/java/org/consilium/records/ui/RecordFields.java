package org.consilium.records.ui;

import java.util.List;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.select.Select;
import org.consilium.records.RecordKind;

/** The fields that describe an upload: what it is, what language it is in. */
final class RecordFields {

	/** Languages offered; names come from the JDK in the reader's language. */
	static final List<String> LANGUAGES = List.of("en", "es", "fr", "de", "it", "pt", "nl", "pl", "ro", "ru", "uk",
			"ar", "zh", "ja", "ko", "hi", "tr");

	private RecordFields() {
	}

	static Select<RecordKind> kind(Component owner) {
		Select<RecordKind> kind = new Select<>();
		kind.setId("record-kind");
		kind.setLabel(owner.getTranslation("records.kind"));
		kind.setItems(RecordKind.values());
		kind.setItemLabelGenerator((value) -> owner.getTranslation("records.kind." + value.name()));
		return kind;
	}

	static Select<String> language(Component owner) {
		Select<String> language = new Select<>();
		language.setId("record-language");
		language.setLabel(owner.getTranslation("records.language"));
		language.setHelperText(owner.getTranslation("records.language.help"));
		language.setItems(LANGUAGES);
		language.setItemLabelGenerator(
				(code) -> UploadCard.languageName(code, (com.vaadin.flow.component.UI.getCurrent() != null)
						? com.vaadin.flow.component.UI.getCurrent().getLocale() : java.util.Locale.ENGLISH));
		return language;
	}

}

package org.consilium.cases.ui;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import org.consilium.tenantconfig.IntakeQuestion;
import org.consilium.tenantconfig.LocalizedText;

/**
 * One of the programme's own intake questions as a field. Answers are stored as text: ISO
 * dates, {@code yes}/{@code no}, and a choice in the programme's default language (so the
 * answer does not depend on the language the patient happened to use).
 */
final class IntakeInput {

	static final String YES = "yes";

	static final String NO = "no";

	private final IntakeQuestion question;

	private final Component field;

	private final Locale defaultLocale;

	private IntakeInput(IntakeQuestion question, Component field, Locale defaultLocale) {
		this.question = question;
		this.field = field;
		this.defaultLocale = defaultLocale;
	}

	static IntakeInput of(IntakeQuestion question, Locale locale, Locale defaultLocale, Runnable onChange) {
		String label = question.label().in(locale);
		Component field = switch (question.type()) {
			case TEXT -> {
				TextField text = new TextField(label);
				text.setMaxLength(CaseRequestView.MAX_TEXT);
				text.setValueChangeMode(ValueChangeMode.TIMEOUT);
				text.setValueChangeTimeout(CaseRequestView.AUTOSAVE_PAUSE_MS);
				text.addValueChangeListener((event) -> changed(event.isFromClient(), onChange));
				yield text;
			}
			case LONG_TEXT -> {
				TextArea text = new TextArea(label);
				text.setMaxLength(CaseRequestView.MAX_TEXT);
				text.setValueChangeMode(ValueChangeMode.TIMEOUT);
				text.setValueChangeTimeout(CaseRequestView.AUTOSAVE_PAUSE_MS);
				text.addValueChangeListener((event) -> changed(event.isFromClient(), onChange));
				yield text;
			}
			case YES_NO -> {
				RadioButtonGroup<String> choice = new RadioButtonGroup<>(label);
				choice.setItems(YES, NO);
				choice.setItemLabelGenerator((value) -> choice.getTranslation("answer." + value));
				choice.addValueChangeListener((event) -> changed(event.isFromClient(), onChange));
				yield choice;
			}
			case SINGLE_CHOICE -> {
				RadioButtonGroup<Integer> choice = new RadioButtonGroup<>(label);
				List<LocalizedText> options = question.options();
				choice.setItems(IntStream.range(0, options.size()).boxed().toList());
				choice.setItemLabelGenerator((index) -> options.get(index).in(locale));
				choice.addValueChangeListener((event) -> changed(event.isFromClient(), onChange));
				yield choice;
			}
			case DATE -> {
				DatePicker date = new DatePicker(label);
				date.setMax(LocalDate.now());
				date.addValueChangeListener((event) -> changed(event.isFromClient(), onChange));
				yield date;
			}
		};
		field.setId("intake-" + question.id());
		((HasValidation) field).setManualValidation(true);
		if (question.required()) {
			((com.vaadin.flow.component.HasValue<?, ?>) field).setRequiredIndicatorVisible(true);
		}
		field.getElement().getStyle().set("width", "100%");
		return new IntakeInput(question, field, defaultLocale);
	}

	private static void changed(boolean fromClient, Runnable onChange) {
		if (fromClient) {
			onChange.run();
		}
	}

	String id() {
		return this.question.id();
	}

	Component component() {
		return this.field;
	}

	HasValidation validation() {
		return (HasValidation) this.field;
	}

	@SuppressWarnings("unchecked")
	String value() {
		return switch (this.question.type()) {
			case TEXT -> ((TextField) this.field).getValue();
			case LONG_TEXT -> ((TextArea) this.field).getValue();
			case YES_NO -> ((RadioButtonGroup<String>) this.field).getValue();
			case SINGLE_CHOICE -> {
				Integer index = ((RadioButtonGroup<Integer>) this.field).getValue();
				yield (index != null) ? this.question.options().get(index).in(this.defaultLocale) : null;
			}
			case DATE -> {
				LocalDate date = ((DatePicker) this.field).getValue();
				yield (date != null) ? date.toString() : null;
			}
		};
	}

	@SuppressWarnings("unchecked")
	void set(String answer) {
		String value = (answer != null) ? answer : "";
		switch (this.question.type()) {
			case TEXT -> ((TextField) this.field).setValue(value);
			case LONG_TEXT -> ((TextArea) this.field).setValue(value);
			case YES_NO -> ((RadioButtonGroup<String>) this.field)
				.setValue((YES.equals(value) || NO.equals(value)) ? value : null);
			case SINGLE_CHOICE -> ((RadioButtonGroup<Integer>) this.field).setValue(optionIndex(value));
			case DATE -> ((DatePicker) this.field).setValue(date(value));
		}
	}

	private Integer optionIndex(String stored) {
		List<LocalizedText> options = this.question.options();
		for (int i = 0; i < options.size(); i++) {
			if (options.get(i).in(this.defaultLocale).equals(stored)) {
				return i;
			}
		}
		return null;
	}

	/**
	 * The stored answer as the reader should see it: yes/no and choices in the reader's
	 * language, dates formatted for them.
	 */
	static String display(IntakeQuestion question, String stored, Locale locale, Locale defaultLocale,
			Component translator) {
		if (stored == null || stored.isBlank()) {
			return "—";
		}
		return switch (question.type()) {
			case YES_NO -> translator.getTranslation("answer." + stored);
			case SINGLE_CHOICE -> question.options()
				.stream()
				.filter((option) -> option.in(defaultLocale).equals(stored))
				.findFirst()
				.map((option) -> option.in(locale))
				.orElse(stored);
			case DATE -> {
				LocalDate date = date(stored);
				yield (date != null)
						? java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.LONG)
							.withLocale(locale)
							.format(date)
						: stored;
			}
			default -> stored;
		};
	}

	private static LocalDate date(String value) {
		try {
			return value.isBlank() ? null : LocalDate.parse(value);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}

package org.consilium.records.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import org.consilium.records.Records;
import org.consilium.records.TranslationTask;

/** Coordinators: the programme's records waiting for an English translation. */
class TranslationCard extends Div {

	private final transient Records records;

	private final UnorderedList items = new UnorderedList();

	TranslationCard(Records records) {
		this.records = records;
		addClassName("card");
		setId("translation-tasks");
		add(new H2(getTranslation("records.translations.title")), this.items);
		refresh();
	}

	void refresh() {
		this.items.removeAll();
		var tasks = this.records.translationTasks();
		if (tasks.isEmpty()) {
			this.items.add(new ListItem(new Paragraph(getTranslation("records.translations.none"))));
		}
		tasks.forEach((task) -> this.items.add(item(task)));
	}

	private ListItem item(TranslationTask task) {
		Anchor link = new Anchor("cases/" + task.caseReference().value() + "/records", task.caseReference().value());
		Span what = new Span(task.fileName() + " · " + UploadCard.languageName(task.language(), getLocale()));
		Button done = new Button(getTranslation("records.translations.done"), (event) -> {
			this.records.markTranslated(task.caseId(), task.recordId());
			refresh();
		});
		done.addThemeVariants(ButtonVariant.LUMO_SMALL);
		done.addClassName("translation-done");
		ListItem item = new ListItem(link, what, done);
		item.getElement().setAttribute("data-record", task.recordId().toString());
		return item;
	}

}

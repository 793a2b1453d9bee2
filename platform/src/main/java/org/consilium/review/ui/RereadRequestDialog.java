package org.consilium.review.ui;

import java.util.Locale;
import java.util.Map;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import org.consilium.review.CaseKey;
import org.consilium.review.Reread;
import org.consilium.review.Rereads;
import org.consilium.review.ReviewProblems;
import org.springframework.security.access.AccessDeniedException;

/**
 * Asks for a radiology or pathology re-read with a note for the reader.
 */
class RereadRequestDialog extends Dialog {

	private final RadioButtonGroup<Reread.Kind> kind = new RadioButtonGroup<>();

	private final TextArea note = new TextArea();

	RereadRequestDialog(Rereads rereads, CaseKey key, Runnable requested) {
		setHeaderTitle(getTranslation("reread.panel.request.title"));
		setWidth("36em");
		this.kind.setLabel(getTranslation("reread.panel.kind"));
		this.kind.setItems(Reread.Kind.values());
		this.kind
			.setItemLabelGenerator((value) -> getTranslation("reread.kind." + value.name().toLowerCase(Locale.ROOT)));
		this.kind.setId("reread-kind");
		this.kind.setManualValidation(true);
		this.note.setLabel(getTranslation("reread.panel.note"));
		this.note.setId("reread-note");
		this.note.setMaxLength(2_000);
		this.note.setWidthFull();
		this.note.setManualValidation(true);
		add(this.kind, this.note);
		Button send = new Button(getTranslation("reread.panel.send"), (event) -> {
			try {
				rereads.request(key, this.kind.getValue(), this.note.getValue());
				RereadProblems.success(this, "reread.panel.requested");
				close();
				requested.run();
			}
			catch (ReviewProblems problems) {
				RereadProblems.show(this, problems, fields());
			}
			catch (AccessDeniedException ex) {
				RereadProblems.error(this, "reread.error.not-allowed");
			}
		});
		send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		send.setId("send-reread");
		Button back = new Button(getTranslation("reread.dialog.back"), (event) -> close());
		getFooter().add(back, send);
	}

	private Map<String, HasValidation> fields() {
		return Map.of("kind", this.kind, "note", this.note);
	}

}

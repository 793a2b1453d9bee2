package org.consilium.review.ui;

import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextArea;
import org.consilium.cases.IllegalCaseTransitionException;
import org.consilium.review.ReviewProblems;

/**
 * Asks for the text a decision needs (why this specialist, what is missing, why declined)
 * and shows the service's objections next to the field; the dialog closes only when the
 * action went through.
 */
class ReasonDialog extends Dialog {

	private final TextArea text = new TextArea();

	ReasonDialog(String title, String label, Consumer<String> action) {
		setHeaderTitle(title);
		this.text.setId("reason-text");
		this.text.setLabel(label);
		this.text.setManualValidation(true);
		this.text.setMaxLength(1_000);
		this.text.setWidthFull();
		add(this.text);
		Button confirm = new Button(getTranslation("dialog.confirm"), (event) -> {
			try {
				action.accept(this.text.getValue());
				close();
			}
			catch (ReviewProblems ex) {
				var field = ex.problems().entrySet().iterator().next();
				if ("reason".equals(field.getKey()) || "note".equals(field.getKey())) {
					this.text.setErrorMessage(getTranslation(field.getValue().get(0)));
					this.text.setInvalid(true);
				}
				else {
					Notification.show(getTranslation(field.getValue().get(0)));
					close();
				}
			}
			catch (IllegalCaseTransitionException ex) {
				Notification.show(getTranslation("triage.refused", getTranslation("case.status." + ex.from().name())));
				close();
			}
		});
		confirm.setId("reason-confirm");
		confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		Button cancel = new Button(getTranslation("dialog.cancel"), (event) -> close());
		cancel.setId("reason-cancel");
		getFooter().add(cancel, confirm);
	}

}

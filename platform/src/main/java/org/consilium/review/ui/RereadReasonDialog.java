package org.consilium.review.ui;

import java.util.Map;
import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextArea;
import org.consilium.review.ReviewProblems;

/**
 * Asks for the reason of a step (declining, cancelling) and runs it; the server's
 * problems show next to the reason, and the dialog stays open until the step succeeds.
 */
class RereadReasonDialog extends Dialog {

	private final TextArea reason = new TextArea();

	RereadReasonDialog(String titleKey, String labelKey, String confirmKey, Consumer<String> step) {
		setHeaderTitle(getTranslation(titleKey));
		this.reason.setLabel(getTranslation(labelKey));
		this.reason.setId("reason");
		this.reason.setMaxLength(1000);
		this.reason.setWidthFull();
		this.reason.setManualValidation(true);
		add(this.reason);
		Button confirm = new Button(getTranslation(confirmKey), (event) -> {
			try {
				step.accept(this.reason.getValue());
				close();
			}
			catch (ReviewProblems problems) {
				RereadProblems.show(this, problems, Map.of("reason", this.reason));
			}
		});
		confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
		confirm.setId("confirm-reason");
		Button back = new Button(getTranslation("reread.dialog.back"), (event) -> close());
		back.setId("reason-back");
		getFooter().add(back, confirm);
	}

}

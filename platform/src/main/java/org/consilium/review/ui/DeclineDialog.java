package org.consilium.review.ui;

import java.util.List;
import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import org.consilium.review.ReviewProblems;

/**
 * Asks why the specialist declines; the server's objection shows next to the reason.
 */
class DeclineDialog extends Dialog {

	private final TextArea reason = new TextArea();

	/**
	 * @param decline declines with the reason; throws {@link ReviewProblems} if it may
	 * not
	 */
	DeclineDialog(Consumer<String> decline) {
		setHeaderTitle(getTranslation("work.decline.title"));
		this.reason.setId("decline-reason");
		this.reason.setLabel(getTranslation("work.decline.reason"));
		this.reason.setHelperText(getTranslation("work.decline.help"));
		this.reason.setMaxLength(1000);
		this.reason.setWidthFull();
		this.reason.setManualValidation(true);
		add(new Paragraph(getTranslation("work.decline.text")), this.reason);
		Button confirm = new Button(getTranslation("work.decline.confirm"), (event) -> {
			try {
				decline.accept(this.reason.getValue());
				close();
			}
			catch (ReviewProblems ex) {
				List<String> keys = ex.problems().getOrDefault("reason", ex.problems().get("form"));
				this.reason.setInvalid(true);
				this.reason.setErrorMessage(
						getTranslation((keys != null && !keys.isEmpty()) ? keys.get(0) : "work.error.reason-required"));
			}
		});
		confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
		confirm.setId("confirm-decline");
		Button cancel = new Button(getTranslation("work.decline.cancel"), (event) -> close());
		cancel.setId("cancel-decline");
		getFooter().add(cancel, confirm);
	}

}

package org.consilium.review.ui;

import java.util.Map;
import java.util.function.Consumer;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.textfield.TextArea;
import org.consilium.review.Reread;
import org.consilium.review.ReviewProblems;

/**
 * The reader's short structured report: findings, impression, and how the reading
 * compares with the original report. Problems show next to their fields.
 */
class RereadReportForm extends Div {

	private final TextArea findings = new TextArea();

	private final TextArea impression = new TextArea();

	private final RadioButtonGroup<Reread.Concordance> concordance = new RadioButtonGroup<>();

	/**
	 * @param submit sends the report; throws {@link ReviewProblems} if it is incomplete
	 */
	RereadReportForm(Reread reread, Consumer<Reread.Report> submit) {
		addClassName("reread-report-form");
		String id = reread.id().toString();
		text(this.findings, "reread.report.findings", "findings-" + id);
		text(this.impression, "reread.report.impression", "impression-" + id);
		this.concordance.setLabel(getTranslation("reread.report.concordance"));
		this.concordance.setItems(Reread.Concordance.values());
		this.concordance.setItemLabelGenerator((value) -> getTranslation("reread.concordance." + value.name()));
		this.concordance.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
		this.concordance.setId("concordance-" + id);
		this.concordance.setManualValidation(true);
		Button send = new Button(getTranslation("reread.report.submit"), (event) -> {
			try {
				submit.accept(new Reread.Report(this.findings.getValue(), this.impression.getValue(),
						this.concordance.getValue(), null, null));
				RereadProblems.clear(this, fields());
			}
			catch (ReviewProblems problems) {
				RereadProblems.show(this, problems, fields());
			}
		});
		send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		send.setId("submit-report-" + id);
		add(new H3(getTranslation("reread.report.title")), this.findings, this.impression, this.concordance,
				new Div(send));
	}

	private void text(TextArea area, String labelKey, String id) {
		area.setLabel(getTranslation(labelKey));
		area.setId(id);
		area.setMaxLength(10_000);
		area.setWidthFull();
		area.setMinHeight("8em");
		area.setManualValidation(true);
	}

	private Map<String, HasValidation> fields() {
		return Map.of("findings", this.findings, "impression", this.impression, "concordance", this.concordance);
	}

}

package org.consilium.review.ui;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import org.consilium.review.CaseKey;
import org.consilium.review.Reread;
import org.consilium.review.Rereads;
import org.consilium.review.ReviewProblems;
import org.consilium.specialists.Ranking;

/**
 * Triage picks a reader for a re-read from the ranked suggestions (each with the reasons
 * for its score) and says why.
 */
class RereadAssignDialog extends Dialog {

	private final Grid<Ranking.Suggestion> suggestions = new Grid<>();

	private final Span choiceError = new Span();

	private final TextArea reason = new TextArea();

	RereadAssignDialog(Rereads rereads, CaseKey key, Reread reread, Runnable assigned) {
		setHeaderTitle(getTranslation("reread.panel.assign.title"));
		setWidth("56em");
		List<Ranking.Suggestion> ranked = rereads.suggestions(key, reread.id());
		this.suggestions.setId("reread-suggestions");
		this.suggestions.addColumn(Ranking.Suggestion::displayName)
			.setKey("name")
			.setHeader(getTranslation("reread.panel.name"))
			.setAutoWidth(true);
		this.suggestions.addColumn(Ranking.Suggestion::score)
			.setKey("score")
			.setHeader(getTranslation("reread.panel.score"));
		this.suggestions.addColumn(this::reasons)
			.setKey("reasons")
			.setHeader(getTranslation("reread.panel.reasons"))
			.setFlexGrow(3);
		this.suggestions.setItems(ranked);
		this.suggestions.setAllRowsVisible(true);
		this.suggestions.setSelectionMode(Grid.SelectionMode.SINGLE);
		this.choiceError.addClassName("field-error");
		this.choiceError.setId("suggestion-error");
		this.reason.setLabel(getTranslation("reread.panel.reason"));
		this.reason.setId("assign-reason");
		this.reason.setMaxLength(1_000);
		this.reason.setWidthFull();
		this.reason.setManualValidation(true);
		add(new Paragraph(
				getTranslation(ranked.isEmpty() ? "reread.panel.no-suggestions" : "reread.panel.assign.intro")),
				this.suggestions, this.choiceError, this.reason);
		Button confirm = new Button(getTranslation("reread.panel.confirm-assign"),
				(event) -> assign(rereads, key, reread, assigned));
		confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		confirm.setId("confirm-assign");
		Button back = new Button(getTranslation("reread.dialog.back"), (event) -> close());
		getFooter().add(back, confirm);
	}

	private void assign(Rereads rereads, CaseKey key, Reread reread, Runnable assigned) {
		Ranking.Suggestion chosen = this.suggestions.asSingleSelect().getValue();
		try {
			Reread done = rereads.assign(key, reread.id(), (chosen != null) ? chosen.specialistId() : null,
					this.reason.getValue());
			RereadProblems.success(this, "reread.panel.assigned", done.assigneeName());
			close();
			assigned.run();
		}
		catch (ReviewProblems problems) {
			List<String> choice = problems.problems().get("specialist");
			// Without a choice the reason is checked first: say both at once.
			this.choiceError
				.setText((choice != null || chosen == null) ? getTranslation("reread.error.not-eligible") : "");
			Map<String, List<String>> rest = problems.problems()
				.entrySet()
				.stream()
				.filter((entry) -> !entry.getKey().equals("specialist"))
				.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
			RereadProblems.show(this, new ReviewProblems(rest), Map.of("reason", this.reason));
		}
	}

	/** Each reason with its points, in the reader's language. */
	private String reasons(Ranking.Suggestion suggestion) {
		return suggestion.reasons()
			.stream()
			.map((reason) -> getTranslation("ranking.reason." + reason.key()) + " (+" + reason.points() + ")")
			.collect(Collectors.joining("; "));
	}

}

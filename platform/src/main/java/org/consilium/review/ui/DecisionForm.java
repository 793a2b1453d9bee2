package org.consilium.review.ui;

import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextArea;
import org.consilium.cases.IllegalCaseTransitionException;
import org.consilium.review.ApprovalFile;
import org.consilium.review.Approvals;
import org.consilium.review.CaseKey;
import org.consilium.review.ReviewProblems;

import org.springframework.security.access.AccessDeniedException;

/**
 * The decision on the opinion, for whoever holds it: approve or return (the approver),
 * concur or disagree (the second reader), with a comment. Problems show next to the
 * comment; done, the user goes back to their work list.
 */
class DecisionForm extends Div {

	private final transient Approvals approvals;

	private final CaseKey key;

	private final TextArea comment = new TextArea();

	private final Paragraph refusal = new Paragraph();

	DecisionForm(Approvals approvals, ApprovalFile file) {
		this.approvals = approvals;
		this.key = file.key();
		addClassName("card");
		setId("decision");
		add(new H2(getTranslation("approval.action.title")));
		if (file.action() == ApprovalFile.Action.NONE || file.submitted() == null) {
			add(new Paragraph(getTranslation("approval.no-action")));
			return;
		}
		boolean approver = file.action() == ApprovalFile.Action.APPROVE;
		this.comment.setId("review-comment");
		this.comment.setLabel(getTranslation("approval.comment"));
		this.comment.setHelperText(
				getTranslation(approver ? "approval.comment.help-approve" : "approval.comment.help-second-read"));
		this.comment.setMaxLength(4000);
		this.comment.setWidthFull();
		this.comment.setManualValidation(true);
		this.refusal.setId("decision-refused");
		this.refusal.addClassName("error");
		this.refusal.setVisible(false);
		add(this.comment, this.refusal);
		if (approver) {
			add(button("approve", "approval.approve", Approvals::approve, "approval.approved", true),
					button("return", "approval.return", Approvals::returnOpinion, "approval.returned", false));
		}
		else {
			add(button("concur", "approval.concur", Approvals::concur, "approval.concurred", true),
					button("disagree", "approval.disagree", Approvals::disagree, "approval.disagreed", false));
		}
	}

	private Button button(String id, String labelKey, Decision decision, String doneKey, boolean primary) {
		Button button = new Button(getTranslation(labelKey), (event) -> decide(decision, doneKey));
		button.setId(id);
		if (primary) {
			button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		}
		return button;
	}

	private void decide(Decision decision, String doneKey) {
		this.comment.setInvalid(false);
		this.refusal.setVisible(false);
		try {
			decision.accept(this.approvals, this.key, this.comment.getValue());
		}
		catch (ReviewProblems ex) {
			List<String> keys = ex.problems().getOrDefault("comment", List.of("approval.error.comment-required"));
			this.comment.setErrorMessage(getTranslation(keys.get(0)));
			this.comment.setInvalid(true);
			return;
		}
		catch (IllegalCaseTransitionException ex) {
			refuse(getTranslation("approval.refused") + " "
					+ String.join(" ", ex.pending().stream().map(this::getTranslation).toList()));
			return;
		}
		catch (AccessDeniedException ex) {
			refuse(getTranslation("approval.error.not-yours"));
			return;
		}
		Notification.show(getTranslation(doneKey)).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
		getUI().ifPresent((ui) -> ui.navigate("work"));
	}

	private void refuse(String text) {
		this.refusal.setText(text);
		this.refusal.setVisible(true);
	}

	/** One of the four decisions. */
	@FunctionalInterface
	private interface Decision {

		void accept(Approvals approvals, CaseKey key, String comment);

	}

}

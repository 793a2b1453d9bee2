package org.consilium.review.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import org.consilium.review.CaseKey;
import org.consilium.review.OpinionContent;
import org.consilium.review.OpinionContent.Assessment;
import org.consilium.review.OpinionVersion;
import org.consilium.review.ReviewProblems;
import org.consilium.review.SpecialistWork;

/**
 * The opinion in its sections, saved as the specialist writes (each field a moment after
 * typing stops) with a visible "saved at"; submission shows what is missing next to its
 * field. Read-only once submitted.
 */
class OpinionEditor extends Div {

	private final transient SpecialistWork work;

	private final CaseKey key;

	private final ZoneId zone;

	private final List<String> questions;

	private final Map<String, HasValidation> fields = new LinkedHashMap<>();

	private final TextArea summary = area("summary", "work.opinion.summary", "opinion-summary");

	private final RadioButtonGroup<Assessment> assessment = new RadioButtonGroup<>();

	private final TextArea reasoning = area("assessmentReasoning", "work.opinion.reasoning", "opinion-reasoning");

	private final List<TextArea> answers = new ArrayList<>();

	private final TextArea recommendations = area("recommendations", "work.opinion.recommendations",
			"opinion-recommendations");

	private final TextArea furtherTests = area("furtherTests", "work.opinion.further-tests", "opinion-further-tests");

	private final TextArea clinicalTrials = area("clinicalTrials", "work.opinion.clinical-trials",
			"opinion-clinical-trials");

	private final TextArea references = area("references", "work.opinion.references", "opinion-references");

	private final Span saved = new Span();

	/**
	 * @param latest the newest version, if any: its text is where writing continues
	 * @param editable whether the specialist may still write (else the editor only shows)
	 * @param submitted called after a successful submission
	 */
	OpinionEditor(SpecialistWork work, CaseKey key, List<String> questions, Optional<OpinionVersion> latest,
			boolean editable, ZoneId zone, Runnable submitted) {
		this.work = work;
		this.key = key;
		this.zone = zone;
		this.questions = List.copyOf(questions);
		addClassName("card");
		setId("opinion-editor");
		this.assessment.setId("opinion-assessment");
		this.assessment.setLabel(getTranslation("work.opinion.assessment"));
		this.assessment.setItems(Assessment.values());
		this.assessment.setItemLabelGenerator((a) -> getTranslation("work.opinion.assessment." + a.name()));
		this.assessment.setManualValidation(true);
		this.fields.put("assessment", this.assessment);
		for (int i = 0; i < this.questions.size(); i++) {
			TextArea answer = area("answer." + i, null, "opinion-answer-" + i);
			answer.setLabel(getTranslation("work.opinion.answer", i + 1, this.questions.get(i)));
			this.answers.add(answer);
		}
		latest.ifPresent((version) -> show(version.content()));
		this.saved.setId("opinion-saved");
		this.saved.addClassName("muted");
		latest.filter((version) -> version.state() == OpinionVersion.State.DRAFT)
			.ifPresent((version) -> this.saved.setText(savedAt(version.savedAt())));
		add(new H2(getTranslation("work.opinion.title")), this.summary, this.assessment, this.reasoning);
		this.answers.forEach(this::add);
		add(this.recommendations, this.furtherTests, this.clinicalTrials, this.references);
		if (editable) {
			Button submit = new Button(getTranslation("work.opinion.submit"), (event) -> submit(submitted));
			submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
			submit.setId("submit-opinion");
			add(new Div(submit, new Span(" "), this.saved));
			this.fields.values().forEach(this::saveOnChange);
		}
		else {
			this.fields.values()
				.forEach((field) -> ((com.vaadin.flow.component.HasValue<?, ?>) field).setReadOnly(true));
			Paragraph note = new Paragraph(getTranslation(latest.map(OpinionVersion::state)
				.filter((state) -> state == OpinionVersion.State.APPROVED)
				.map((state) -> "work.opinion.approved")
				.orElse("work.opinion.with-approver")));
			note.setId("opinion-with-approver");
			note.addClassName("notice");
			addComponentAtIndex(1, note);
		}
	}

	private TextArea area(String field, String labelKey, String id) {
		TextArea area = new TextArea();
		if (labelKey != null) {
			area.setLabel(getTranslation(labelKey));
		}
		area.setId(id);
		area.setWidthFull();
		area.setMaxLength(20_000);
		area.setManualValidation(true);
		area.setValueChangeMode(ValueChangeMode.LAZY);
		area.setValueChangeTimeout(1_000);
		this.fields.put(field, area);
		return area;
	}

	private void show(OpinionContent content) {
		this.summary.setValue(text(content.summary()));
		this.assessment.setValue(content.assessment());
		this.reasoning.setValue(text(content.assessmentReasoning()));
		List<OpinionContent.Answer> remaining = new ArrayList<>(content.answers());
		for (int i = 0; i < this.questions.size(); i++) {
			String question = this.questions.get(i);
			Optional<OpinionContent.Answer> found = remaining.stream()
				.filter((a) -> question.equals(a.question()))
				.findFirst();
			if (found.isPresent()) {
				remaining.remove(found.get());
				this.answers.get(i).setValue(text(found.get().answer()));
			}
		}
		this.recommendations.setValue(text(content.recommendations()));
		this.furtherTests.setValue(text(content.furtherTests()));
		this.clinicalTrials.setValue(text(content.clinicalTrials()));
		this.references.setValue(text(content.references()));
	}

	private static String text(String text) {
		return (text != null) ? text : "";
	}

	private OpinionContent content() {
		List<OpinionContent.Answer> written = new ArrayList<>();
		for (int i = 0; i < this.questions.size(); i++) {
			written.add(new OpinionContent.Answer(this.questions.get(i), this.answers.get(i).getValue()));
		}
		return new OpinionContent(this.summary.getValue(), this.assessment.getValue(), this.reasoning.getValue(),
				written, this.recommendations.getValue(), this.furtherTests.getValue(), this.clinicalTrials.getValue(),
				this.references.getValue());
	}

	private void saveOnChange(HasValidation field) {
		((com.vaadin.flow.component.HasValue<?, ?>) field).addValueChangeListener((event) -> save());
	}

	private boolean save() {
		try {
			OpinionVersion version = this.work.saveDraft(this.key, content());
			showProblems(Map.of());
			this.saved.setText(savedAt(version.savedAt()));
			return true;
		}
		catch (ReviewProblems ex) {
			showProblems(ex.problems());
			this.saved.setText(getTranslation("work.opinion.not-saved"));
			return false;
		}
	}

	private void submit(Runnable submitted) {
		if (!save()) {
			return;
		}
		try {
			this.work.submitOpinion(this.key);
			Notification.show(getTranslation("work.opinion.submitted"))
				.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
			submitted.run();
		}
		catch (ReviewProblems ex) {
			showProblems(ex.problems());
			Notification.show(getTranslation("work.opinion.fix")).addThemeVariants(NotificationVariant.LUMO_ERROR);
		}
	}

	/**
	 * Each field shows its first problem, or none; problems of the whole form as a
	 * notice.
	 */
	private void showProblems(Map<String, List<String>> problems) {
		this.fields.forEach((name, field) -> {
			List<String> keys = problems.get(name);
			field.setInvalid(keys != null);
			field.setErrorMessage((keys != null) ? getTranslation(keys.get(0)) : null);
		});
		List<String> form = problems.get("form");
		if (form != null) {
			Notification.show(getTranslation(form.get(0))).addThemeVariants(NotificationVariant.LUMO_ERROR);
		}
	}

	private String savedAt(Instant when) {
		return getTranslation("work.opinion.saved-at", when.atZone(this.zone)
			.format(DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(getLocale())));
	}

}

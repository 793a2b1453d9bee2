package org.consilium.review.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import org.consilium.review.OpinionContent;

/** The sections of an opinion, read-only, as its readers and reviewers see them. */
class OpinionSections extends Div {

	OpinionSections(OpinionContent content) {
		addClassName("opinion-sections");
		section("opinion.section.summary", content.summary());
		if (content.assessment() != null) {
			Span verdict = label(getTranslation("opinion.assessment." + content.assessment().name()));
			verdict.setId("opinion-assessment");
			add(section(getTranslation("opinion.section.assessment"), verdict, value(content.assessmentReasoning())));
		}
		if (!content.answers().isEmpty()) {
			Div answers = section(getTranslation("opinion.section.answers"));
			for (OpinionContent.Answer answer : content.answers()) {
				answers.add(label(answer.question()), value(answer.answer()));
			}
			add(answers);
		}
		section("opinion.section.recommendations", content.recommendations());
		section("opinion.section.further-tests", content.furtherTests());
		section("opinion.section.clinical-trials", content.clinicalTrials());
		section("opinion.section.references", content.references());
	}

	/** A section of free text, left out when empty. */
	private void section(String headingKey, String text) {
		if (text != null && !text.isBlank()) {
			add(section(getTranslation(headingKey), value(text)));
		}
	}

	private static Div section(String heading, Component... content) {
		Div section = new Div(new H3(heading));
		section.add(content);
		section.addClassName("summary-section");
		return section;
	}

	static Span label(String text) {
		Span label = new Span(text);
		label.addClassName("summary-label");
		return label;
	}

	static Paragraph value(String text) {
		Paragraph paragraph = new Paragraph((text != null) ? text : "");
		paragraph.addClassName("summary-value");
		return paragraph;
	}

}

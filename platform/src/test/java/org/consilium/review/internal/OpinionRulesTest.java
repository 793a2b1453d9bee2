package org.consilium.review.internal;

import java.util.List;

import org.consilium.review.OpinionContent;
import org.consilium.review.OpinionContent.Answer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The opinion's rules: sizes while writing, every required section to submit, answers
 * kept with their questions when the questions change.
 */
class OpinionRulesTest {

	static final List<String> QUESTIONS = List.of("Surgery?", "When?");

	@Test
	void an_empty_opinion_misses_every_required_section_and_every_answer() {
		assertThat(OpinionRules.forSubmission(OpinionContent.empty(QUESTIONS)).keySet()).containsExactly("summary",
				"assessment", "assessmentReasoning", "answer.0", "answer.1", "recommendations");
	}

	@Test
	void a_complete_opinion_has_no_problems_and_the_optional_sections_may_stay_empty() {
		OpinionContent complete = new OpinionContent("Summary", OpinionContent.Assessment.MODIFY, "Because",
				List.of(new Answer("Surgery?", "Yes"), new Answer("When?", "Soon")), "Refer", "", "", "");
		assertThat(OpinionRules.forSubmission(complete)).isEmpty();
	}

	@Test
	void blank_text_is_missing_and_an_over_long_section_is_too_long() {
		OpinionContent content = new OpinionContent("  ", OpinionContent.Assessment.AGREE, "x".repeat(20_001),
				List.of(), "Refer", "", "", "y".repeat(20_001));
		assertThat(OpinionRules.forSubmission(content)).containsEntry("summary", List.of("work.error.summary-required"))
			.containsEntry("assessmentReasoning", List.of("work.error.too-long"))
			.containsEntry("references", List.of("work.error.too-long"));
		assertThat(OpinionRules.sizes(content).keySet()).containsExactly("assessmentReasoning", "references");
	}

	@Test
	void answers_follow_the_questions_by_their_text_dropping_old_ones_and_adding_new_ones_empty() {
		OpinionContent draft = new OpinionContent("S", null, "", List.of(new Answer("When?", "Soon"),
				new Answer("Withdrawn question?", "Old"), new Answer("Surgery?", "Yes")), "", "", "", "");
		assertThat(OpinionRules.aligned(draft, List.of("Surgery?", "When?", "Which hospital?")).answers())
			.containsExactly(new Answer("Surgery?", "Yes"), new Answer("When?", "Soon"),
					new Answer("Which hospital?", ""));
	}

	@Test
	void the_same_question_asked_twice_keeps_two_answers() {
		OpinionContent draft = new OpinionContent("S", null, "",
				List.of(new Answer("Surgery?", "Patient's"), new Answer("Surgery?", "Doctor's")), "", "", "", "");
		assertThat(OpinionRules.aligned(draft, List.of("Surgery?", "Surgery?")).answers()).extracting(Answer::answer)
			.containsExactly("Patient's", "Doctor's");
	}

}

package org.consilium.review.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.consilium.review.OpinionContent;

/**
 * What an opinion must look like: sizes while it is written, completeness to submit.
 * Problems are per field, named as {@link org.consilium.review.ReviewProblems} names
 * them: the sections by their names in {@link OpinionContent}, answers as
 * {@code answer.<n>}.
 */
final class OpinionRules {

	static final int MAX_SECTION = 20_000;

	static final int MAX_ANSWERS = 20;

	private OpinionRules() {
	}

	static Map<String, List<String>> sizes(OpinionContent content) {
		Map<String, List<String>> problems = new LinkedHashMap<>();
		tooLong(problems, "summary", content.summary());
		tooLong(problems, "assessmentReasoning", content.assessmentReasoning());
		tooLong(problems, "recommendations", content.recommendations());
		tooLong(problems, "furtherTests", content.furtherTests());
		tooLong(problems, "clinicalTrials", content.clinicalTrials());
		tooLong(problems, "references", content.references());
		if (content.answers().size() > MAX_ANSWERS) {
			problems.put("answers", List.of("work.error.too-many-answers"));
		}
		for (int i = 0; i < content.answers().size(); i++) {
			OpinionContent.Answer answer = content.answers().get(i);
			tooLong(problems, "answer." + i, answer.question());
			tooLong(problems, "answer." + i, answer.answer());
		}
		return problems;
	}

	/** Sizes, and every required section written: nothing may be missing to submit. */
	static Map<String, List<String>> forSubmission(OpinionContent content) {
		Map<String, List<String>> problems = sizes(content);
		required(problems, "summary", content.summary(), "work.error.summary-required");
		if (content.assessment() == null) {
			problems.putIfAbsent("assessment", List.of("work.error.assessment-required"));
		}
		required(problems, "assessmentReasoning", content.assessmentReasoning(), "work.error.reasoning-required");
		for (int i = 0; i < content.answers().size(); i++) {
			required(problems, "answer." + i, content.answers().get(i).answer(), "work.error.answer-required");
		}
		required(problems, "recommendations", content.recommendations(), "work.error.recommendations-required");
		return problems;
	}

	/**
	 * The content with one answer per question, in the questions' order: answers are kept
	 * by their question's text (each used once), missing ones are empty, answers to
	 * questions no longer asked are dropped.
	 */
	static OpinionContent aligned(OpinionContent content, List<String> questions) {
		List<OpinionContent.Answer> remaining = new ArrayList<>(content.answers());
		List<OpinionContent.Answer> answers = new ArrayList<>();
		for (String question : questions) {
			OpinionContent.Answer found = remaining.stream()
				.filter((a) -> question.equals(a.question()))
				.findFirst()
				.orElse(new OpinionContent.Answer(question, ""));
			remaining.remove(found);
			answers.add(found);
		}
		return new OpinionContent(content.summary(), content.assessment(), content.assessmentReasoning(), answers,
				content.recommendations(), content.furtherTests(), content.clinicalTrials(), content.references());
	}

	/** Nulls as empty text, so that stored drafts always read back whole. */
	static OpinionContent clean(OpinionContent content) {
		List<OpinionContent.Answer> answers = content.answers()
			.stream()
			.map((a) -> new OpinionContent.Answer(text(a.question()), text(a.answer())))
			.toList();
		return new OpinionContent(text(content.summary()), content.assessment(), text(content.assessmentReasoning()),
				answers, text(content.recommendations()), text(content.furtherTests()), text(content.clinicalTrials()),
				text(content.references()));
	}

	private static void tooLong(Map<String, List<String>> problems, String field, String text) {
		if (text != null && text.length() > MAX_SECTION) {
			problems.put(field, List.of("work.error.too-long"));
		}
	}

	private static void required(Map<String, List<String>> problems, String field, String text, String key) {
		if (text == null || text.isBlank()) {
			problems.putIfAbsent(field, List.of(key));
		}
	}

	private static String text(String text) {
		return (text != null) ? text : "";
	}

}

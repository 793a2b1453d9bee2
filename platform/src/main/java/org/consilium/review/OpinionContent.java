package org.consilium.review;

import java.util.List;

/**
 * The sections of a written opinion. Any may be empty while it is a draft; submission
 * needs the summary, the assessment with its reasoning, an answer to every question, and
 * the recommendations.
 *
 * @param answers one per question of the patient and the doctor, in their order
 */
public record OpinionContent(String summary, Assessment assessment, String assessmentReasoning, List<Answer> answers,
		String recommendations, String furtherTests, String clinicalTrials, String references) {

	public OpinionContent {
		answers = List.copyOf(answers);
	}

	public static OpinionContent empty(List<String> questions) {
		return new OpinionContent("", null, "", questions.stream().map((q) -> new Answer(q, "")).toList(), "", "", "",
				"");
	}

	/** The specialist's view of the current diagnosis. */
	public enum Assessment {

		AGREE, MODIFY, DISAGREE

	}

	/** A question as asked, and the specialist's answer. */
	public record Answer(String question, String answer) {
	}

}

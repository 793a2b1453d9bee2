package org.consilium.review.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.consilium.review.Reread;
import org.consilium.review.ReviewProblems;

/**
 * What people type for re-reads, checked before anything is stored: message keys per
 * field, all fields at once.
 */
final class RereadInput {

	static final int MAX_NOTE = 2_000;

	static final int MAX_REASON = 1_000;

	static final int MAX_REPORT_TEXT = 10_000;

	private RereadInput() {
	}

	static String note(Reread.Kind kind, String note) {
		Map<String, List<String>> problems = new LinkedHashMap<>();
		if (kind == null) {
			problems.put("kind", List.of("reread.error.kind-required"));
		}
		String text = text(note, "note", MAX_NOTE, problems);
		throwIfAny(problems);
		return text;
	}

	static String reason(String reason) {
		Map<String, List<String>> problems = new LinkedHashMap<>();
		String text = text(reason, "reason", MAX_REASON, problems);
		throwIfAny(problems);
		return text;
	}

	/**
	 * @return the report's texts, stripped: findings, then impression
	 */
	static String[] report(String findings, String impression, Reread.Concordance concordance) {
		Map<String, List<String>> problems = new LinkedHashMap<>();
		String[] texts = { text(findings, "findings", MAX_REPORT_TEXT, problems),
				text(impression, "impression", MAX_REPORT_TEXT, problems) };
		if (concordance == null) {
			problems.put("concordance", List.of("reread.error.concordance-required"));
		}
		throwIfAny(problems);
		return texts;
	}

	private static String text(String value, String field, int max, Map<String, List<String>> problems) {
		String text = (value != null) ? value.strip() : "";
		if (text.isEmpty()) {
			problems.put(field, List.of("reread.error." + field + "-required"));
		}
		else if (text.length() > max) {
			problems.put(field, List.of("reread.error." + field + "-length"));
		}
		return text;
	}

	private static void throwIfAny(Map<String, List<String>> problems) {
		if (!problems.isEmpty()) {
			throw new ReviewProblems(problems);
		}
	}

}

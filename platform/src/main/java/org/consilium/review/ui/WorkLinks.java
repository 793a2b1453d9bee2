package org.consilium.review.ui;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import com.vaadin.flow.component.html.Span;
import org.consilium.cases.Assignment;
import org.consilium.cases.Turnaround;
import org.consilium.review.CaseKey;

/**
 * Where each task is worked on, and the small pieces the workspace pages share.
 */
final class WorkLinks {

	private WorkLinks() {
	}

	/** The page for the task on the case, e.g. {@code work/acme/C-7KQ2-M9XD}. */
	static String of(CaseKey key, Assignment.Task task) {
		String page = switch (task) {
			case REVIEW -> "work/";
			case SECOND_READ, APPROVAL -> "approval/";
			case RADIOLOGY_REREAD, PATHOLOGY_REREAD -> "reread/";
		};
		return page + key.path();
	}

	/** The operator site's address of a record's bytes. */
	static String record(CaseKey key, java.util.UUID recordId, boolean inline) {
		return "work/" + key.path() + "/records/" + recordId + "/content" + (inline ? "?inline=true" : "");
	}

	static String date(LocalDate day, Locale locale) {
		return (day != null) ? DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(day)
				: "—";
	}

	/** The at-risk or overdue badge the case pages use. */
	static Span standing(Turnaround.Standing standing, String text) {
		Span badge = new Span(text);
		badge.addClassNames("standing", "standing-" + standing.name().toLowerCase(Locale.ROOT));
		badge.getElement().setAttribute("data-standing", standing.name());
		return badge;
	}

}

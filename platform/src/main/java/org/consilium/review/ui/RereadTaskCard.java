package org.consilium.review.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import org.consilium.cases.Assignment;
import org.consilium.review.Reread;

/**
 * One of the reader's re-reads of the case: what is asked and by whom; accept or decline
 * while it is only assigned, the report form once accepted.
 */
class RereadTaskCard extends Div {

	/** What the reader can do from the card. */
	interface Actions {

		void accept(Reread reread);

		void decline(Reread reread);

		void report(Reread reread, Reread.Report report);

	}

	RereadTaskCard(Reread reread, ZoneId zone, Actions actions) {
		addClassName("card");
		setId("reread-" + reread.id());
		getElement().setAttribute("data-kind", reread.kind().name());
		add(new H2(getTranslation("reread.kind." + reread.kind().name().toLowerCase(Locale.ROOT))));
		Span label = new Span(getTranslation("reread.note") + ": ");
		label.addClassName("summary-label");
		Paragraph note = new Paragraph(label, new Span(reread.note()));
		note.setId("reread-note-" + reread.id());
		add(note,
				new Paragraph(getTranslation("reread.requested-by", reread.requestedByName(),
						DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
							.withLocale(getLocale())
							.format(reread.requestedAt().atZone(zone)))));
		if (reread.assignmentState() == Assignment.State.ASSIGNED) {
			Button accept = new Button(getTranslation("reread.accept"), (event) -> actions.accept(reread));
			accept.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
			accept.setId("accept-" + reread.id());
			Button decline = new Button(getTranslation("reread.decline"), (event) -> actions.decline(reread));
			decline.setId("decline-" + reread.id());
			add(new Div(accept, decline));
		}
		else {
			add(new RereadReportForm(reread, (report) -> actions.report(reread, report)));
		}
	}

}

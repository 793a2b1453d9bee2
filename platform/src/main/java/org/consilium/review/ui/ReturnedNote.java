package org.consilium.review.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import org.consilium.review.SpecialistWork.ReviewNote;

/** Why the opinion came back: the reviewer's comments on the returned version. */
class ReturnedNote extends Div {

	ReturnedNote(ReviewNote note, ZoneId zone) {
		addClassNames("card", "notice");
		setId("returned-note");
		Paragraph comment = new Paragraph((note.comment() != null) ? note.comment() : "");
		comment.setId("returned-comment");
		comment.getStyle().set("white-space", "pre-line");
		add(new H2(getTranslation("work.returned.title")),
				new Paragraph(getTranslation("work.returned.by", note.reviewerName(), note.version(), note.reviewedAt()
					.atZone(zone)
					.format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(getLocale())))),
				comment);
	}

}

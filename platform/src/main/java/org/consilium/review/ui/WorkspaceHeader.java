package org.consilium.review.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import org.consilium.cases.CaseDetails;
import org.consilium.review.CaseFile;

/** The case at a glance: reference, programme, status and due date. */
class WorkspaceHeader extends Div {

	WorkspaceHeader(CaseFile file, String title) {
		CaseDetails details = file.details();
		H1 heading = new H1(title);
		heading.setId("case-reference");
		Span status = new Span(getTranslation("case.status." + details.status().name()));
		status.addClassNames("status", details.status().isOpen() ? "open" : "closed");
		status.setId("case-status");
		Paragraph due = fact("work.due", WorkLinks.date(details.dueOn(), getLocale()));
		due.setId("case-due");
		if (file.standing() != null) {
			due.add(new Span(" "),
					WorkLinks.standing(file.standing(), getTranslation("case.standing." + file.standing().name())));
		}
		Paragraph programme = fact("work.programme", file.programme());
		programme.setId("case-programme");
		Div facts = new Div(status, programme, fact("work.specialty",
				(details.specialty() != null) ? getTranslation("specialty." + details.specialty()) : "—"), due);
		facts.addClassNames("card", "case-facts");
		add(heading, facts);
	}

	private Paragraph fact(String labelKey, String value) {
		Span label = new Span(getTranslation(labelKey) + ": ");
		label.addClassName("summary-label");
		return new Paragraph(label, new Span(value));
	}

}

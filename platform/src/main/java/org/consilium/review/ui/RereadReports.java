package org.consilium.review.ui;

import java.time.ZoneId;
import java.util.List;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import org.consilium.review.RereadReport;

/** The case's re-reads and their reports, read-only. */
class RereadReports extends Div {

	RereadReports(List<RereadReport> rereads, ZoneId zone, boolean withState) {
		addClassName("reread-reports");
		for (RereadReport reread : rereads) {
			Div report = new Div(new H3(getTranslation("opinion.reread.kind." + reread.kind().name())));
			report.addClassName("summary-section");
			if (withState) {
				report.add(OpinionSections.label(getTranslation("approval.reread.state." + reread.state().name())));
			}
			if (reread.findings() != null) {
				report.add(OpinionSections.label(getTranslation("opinion.reread.findings")),
						OpinionSections.value(reread.findings()),
						OpinionSections.label(getTranslation("opinion.reread.impression")),
						OpinionSections.value(reread.impression()));
			}
			if (reread.concordance() != null) {
				report.add(OpinionSections.label(getTranslation("opinion.reread.concordance")),
						OpinionSections.value(getTranslation("opinion.concordance." + reread.concordance())));
			}
			if (reread.reportedByName() != null && reread.reportedAt() != null) {
				report.add(new Paragraph(getTranslation("opinion.reread.reported", reread.reportedByName(),
						Dates.date(reread.reportedAt(), zone, getLocale()))));
			}
			add(report);
		}
	}

}

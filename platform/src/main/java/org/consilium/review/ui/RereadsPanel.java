package org.consilium.review.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import org.consilium.cases.Assignment;
import org.consilium.review.CaseKey;
import org.consilium.review.Reread;
import org.consilium.review.Rereads;

/**
 * A case's re-reads for the triage case page and the specialist's workspace: each with
 * its kind, state, reader and (once done) report; a dialog to request one; and, for
 * triage, assigning from ranked suggestions and cancelling. Self-contained: give it the
 * service, the case and whether the viewer is triage.
 */
class RereadsPanel extends Div {

	private final transient Rereads rereads;

	private final CaseKey key;

	private final boolean triage;

	private final ZoneId zone;

	private final UnorderedList items = new UnorderedList();

	RereadsPanel(Rereads rereads, CaseKey key, boolean triage, ZoneId zone) {
		this.rereads = rereads;
		this.key = key;
		this.triage = triage;
		this.zone = zone;
		addClassName("card");
		setId("rereads-panel");
		this.items.setId("reread-list");
		this.items.addClassName("rereads");
		Button request = new Button(getTranslation("reread.panel.request"),
				(event) -> new RereadRequestDialog(rereads, key, this::refresh).open());
		request.setId("request-reread");
		add(new H2(getTranslation("reread.panel.title")), new Paragraph(getTranslation("reread.panel.intro")),
				this.items, request);
		refresh();
	}

	void refresh() {
		this.items.removeAll();
		List<Reread> all = this.rereads.ofCase(this.key);
		if (all.isEmpty()) {
			Paragraph empty = new Paragraph(getTranslation("reread.panel.empty"));
			empty.setId("no-rereads");
			this.items.add(new ListItem(empty));
		}
		all.forEach((reread) -> this.items.add(item(reread)));
	}

	private ListItem item(Reread reread) {
		Span kind = new Span(getTranslation("reread.kind." + reread.kind().name().toLowerCase(Locale.ROOT)));
		kind.addClassName("reread-kind");
		Span state = new Span(getTranslation("reread.state." + reread.state().name()));
		state.addClassNames("status", reread.isPending() ? "open" : "closed");
		state.getElement().setAttribute("data-state", reread.state().name());
		ListItem item = new ListItem(new Div(kind, new Span(" "), state), new Paragraph(reread.note()),
				new Paragraph(getTranslation("reread.requested-by", reread.requestedByName(), when(reread))));
		item.setId("reread-item-" + reread.id());
		if (reread.assigneeName() != null) {
			item.add(new Paragraph(getTranslation((reread.assignmentState() == Assignment.State.ACCEPTED)
					? "reread.panel.reader.accepted" : "reread.panel.reader", reread.assigneeName())));
		}
		if (reread.report() != null) {
			item.add(report(reread.report()));
		}
		if (this.triage && reread.isPending()) {
			item.add(triageActions(reread));
		}
		return item;
	}

	private Div report(Reread.Report report) {
		Div shown = new Div(line("reread.report.findings", report.findings()),
				line("reread.report.impression", report.impression()),
				line("reread.report.concordance", getTranslation("reread.concordance." + report.concordance().name())),
				new Paragraph(getTranslation("reread.report.by", report.reportedByName(),
						DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
							.withLocale(getLocale())
							.format(report.reportedAt().atZone(this.zone)))));
		shown.addClassName("reread-report");
		return shown;
	}

	private Div triageActions(Reread reread) {
		Button assign = new Button(getTranslation("reread.panel.assign"),
				(event) -> new RereadAssignDialog(this.rereads, this.key, reread, this::refresh).open());
		assign.setId("assign-" + reread.id());
		Button cancel = new Button(getTranslation("reread.panel.cancel"),
				(event) -> new RereadReasonDialog("reread.panel.cancel.title", "reread.panel.cancel.reason",
						"reread.panel.cancel.confirm", (reason) -> {
							this.rereads.cancel(this.key, reread.id(), reason);
							RereadProblems.success(this, "reread.panel.cancelled");
							refresh();
						})
					.open());
		cancel.setId("cancel-" + reread.id());
		return new Div(assign, cancel);
	}

	private String when(Reread reread) {
		return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
			.withLocale(getLocale())
			.format(reread.requestedAt().atZone(this.zone));
	}

	private Paragraph line(String labelKey, String value) {
		Span label = new Span(getTranslation(labelKey) + ": ");
		label.addClassName("summary-label");
		return new Paragraph(label, new Span(value));
	}

}

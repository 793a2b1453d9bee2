package org.consilium.review.ui;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import org.consilium.records.RecordSummary;
import org.consilium.review.CaseKey;

/**
 * The case's records for a reader, each with its kind, DICOM header data where there is
 * some, and links to the operator site's record content (viewable ones also in the
 * browser).
 */
class RereadRecordList extends Div {

	RereadRecordList(CaseKey key, List<RecordSummary> records) {
		addClassName("card");
		setId("reread-records");
		UnorderedList items = new UnorderedList();
		items.addClassName("records");
		add(new H2(getTranslation("reread.records")), items);
		if (records.isEmpty()) {
			Paragraph empty = new Paragraph(getTranslation("reread.records.empty"));
			empty.setId("no-records");
			items.add(new ListItem(empty));
		}
		records.forEach((record) -> items.add(item(key, record)));
	}

	private ListItem item(CaseKey key, RecordSummary record) {
		String base = "work/" + key.path() + "/records/" + record.id() + "/content";
		Span name = new Span(record.fileName());
		name.addClassName("record-name");
		Div details = new Div(new Span(getTranslation("records.kind." + record.kind().name())),
				new Span(record.uploadedByName()));
		details.addClassName("record-details");
		ListItem item = new ListItem(name, details);
		if (record.dicom() != null) {
			RecordSummary.DicomInfo dicom = record.dicom();
			Paragraph study = new Paragraph(getTranslation("records.dicom", orDash(dicom.modality()),
					(dicom.studyDate() != null)
							? dicom.studyDate()
								.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale()))
							: "—",
					orDash(dicom.studyDescription())));
			study.addClassName("record-dicom");
			item.add(study);
		}
		Anchor download = new Anchor(base, getTranslation("records.download"));
		download.getElement().setAttribute("download", true);
		download.getElement().setAttribute("router-ignore", true);
		download.addClassName("record-download");
		item.add(download);
		if (record.viewable()) {
			Anchor view = new Anchor(base + "?inline=true", getTranslation("records.view"));
			view.setTarget("_blank");
			view.getElement().setAttribute("router-ignore", true);
			view.getElement().setAttribute("rel", "noopener");
			view.addClassName("record-view");
			item.add(view);
		}
		item.getElement().setAttribute("data-record", record.id().toString());
		return item;
	}

	private static String orDash(String value) {
		return (value != null) ? value : "—";
	}

}

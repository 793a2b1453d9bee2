package org.consilium.review.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import org.consilium.records.RecordSummary;
import org.consilium.review.CaseFile;
import org.consilium.review.CaseKey;

/**
 * The case's records on the operator site: PDFs and images open in a new tab, everything
 * downloads, DICOM studies show what their header says.
 */
class RecordLinks extends Div {

	RecordLinks(CaseFile file, ZoneId zone) {
		this(file.key(), file.records(), zone);
	}

	RecordLinks(CaseKey key, java.util.List<RecordSummary> records, ZoneId zone) {
		addClassName("card");
		setId("case-records");
		add(new H2(getTranslation("work.file.records")));
		if (records.isEmpty()) {
			Paragraph none = new Paragraph(getTranslation("work.file.records.none"));
			none.setId("no-records");
			add(none);
			return;
		}
		UnorderedList items = new UnorderedList();
		items.addClassName("records");
		records.forEach((record) -> items.add(item(key, record, zone)));
		add(items);
	}

	private ListItem item(CaseKey key, RecordSummary record, ZoneId zone) {
		Span name = new Span(record.fileName());
		name.addClassName("record-name");
		Div details = new Div(new Span(getTranslation("records.kind." + record.kind().name())),
				new Span(getTranslation("records.source." + record.source().name())), new Span(size(record.size())),
				new Span(count(record)), new Span(record.uploadedByName()),
				new Span(record.uploadedAt()
					.atZone(zone)
					.format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(getLocale()))));
		details.addClassName("record-details");
		ListItem item = new ListItem(name, details);
		if (record.dicom() != null) {
			RecordSummary.DicomInfo dicom = record.dicom();
			Paragraph study = new Paragraph(getTranslation("records.dicom", orDash(dicom.modality()),
					WorkLinks.date(dicom.studyDate(), getLocale()), orDash(dicom.studyDescription())));
			study.addClassName("record-dicom");
			item.add(study);
		}
		if (record.viewable()) {
			Anchor view = new Anchor(WorkLinks.record(key, record.id(), true), getTranslation("records.view"));
			view.setTarget("_blank");
			view.getElement().setAttribute("router-ignore", true);
			view.getElement().setAttribute("rel", "noopener");
			view.addClassName("record-view");
			item.add(view, new Span(" "));
		}
		Anchor download = new Anchor(WorkLinks.record(key, record.id(), false), getTranslation("records.download"));
		download.getElement().setAttribute("download", true);
		download.getElement().setAttribute("router-ignore", true);
		download.addClassName("record-download");
		item.add(download);
		item.getElement().setAttribute("data-record", record.id().toString());
		return item;
	}

	private String count(RecordSummary record) {
		if (record.pages() != null) {
			return getTranslation("records.pages", record.pages());
		}
		return (record.imageCount() != null) ? getTranslation("records.images", record.imageCount()) : "";
	}

	private String size(long bytes) {
		if (bytes < 1024 * 1024) {
			return getTranslation("work.file.size-kb", Math.max(1, Math.round(bytes / 1024.0)));
		}
		return getTranslation("work.file.size-mb", String.format(getLocale(), "%.1f", bytes / (1024.0 * 1024.0)));
	}

	private static String orDash(String value) {
		return (value != null) ? value : "—";
	}

}

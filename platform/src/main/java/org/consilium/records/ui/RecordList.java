package org.consilium.records.ui;

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
import org.consilium.cases.CaseSummary;
import org.consilium.records.RecordSummary;
import org.consilium.records.Records;
import org.consilium.records.internal.Sizes;

/** The case's records, with their details and view/download links. */
class RecordList extends Div {

	private final transient Records records;

	private final CaseSummary medicalCase;

	private final ZoneId zone;

	private final UnorderedList items = new UnorderedList();

	RecordList(Records records, CaseSummary medicalCase, ZoneId zone) {
		this.records = records;
		this.medicalCase = medicalCase;
		this.zone = zone;
		addClassName("card");
		setId("record-list");
		this.items.addClassName("records");
		add(new H2(getTranslation("records.list.title")), this.items);
		refresh();
	}

	void refresh() {
		this.items.removeAll();
		var list = this.records.list(this.medicalCase.id());
		if (list.isEmpty()) {
			Paragraph empty = new Paragraph(getTranslation("records.list.empty"));
			empty.setId("no-records");
			this.items.add(new ListItem(empty));
			return;
		}
		list.forEach((record) -> this.items.add(item(record)));
	}

	private ListItem item(RecordSummary record) {
		String base = "cases/" + this.medicalCase.reference().value() + "/records/" + record.id() + "/content";
		Span name = new Span(record.fileName());
		name.addClassName("record-name");
		Div details = new Div(new Span(getTranslation("records.kind." + record.kind().name())),
				new Span(getTranslation("records.source." + record.source().name())),
				new Span(Sizes.format(record.size())), new Span(count(record)), new Span(record.uploadedByName()),
				new Span(record.uploadedAt()
					.atZone(this.zone)
					.format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(getLocale()))));
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
		if (record.translationNeeded()) {
			Span flag = new Span(getTranslation("records.translation-needed",
					UploadCard.languageName(record.language(), getLocale())));
			flag.addClassName("translation-needed");
			item.add(flag);
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

	private String count(RecordSummary record) {
		if (record.pages() != null) {
			return getTranslation("records.pages", record.pages());
		}
		if (record.imageCount() != null) {
			return getTranslation("records.images", record.imageCount());
		}
		return "";
	}

	private static String orDash(String value) {
		return (value != null) ? value : "—";
	}

}

package org.consilium.records.ui;

import java.io.InputStream;
import java.util.List;
import java.util.UUID;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import org.consilium.cases.CaseId;
import org.consilium.cases.CaseMaterials;
import org.consilium.cases.CaseMaterials.Material;
import org.consilium.cases.CaseMaterials.MaterialChannel;
import org.consilium.records.MaterialArrivals;
import org.consilium.records.NewRecord;
import org.consilium.records.RecordKind;
import org.consilium.records.RecordRejectedException;
import org.consilium.records.Records;

/**
 * Coordinators log material that came by e-mail, fax or mail: how, what, which list item
 * it answers, and optionally its scan (streamed in as a staff record first).
 */
class ArrivalCard extends Div {

	private final transient Records records;

	private final transient MaterialArrivals arrivals;

	private final CaseId caseId;

	private final Runnable onLogged;

	private final Select<MaterialChannel> channel = new Select<>();

	private final TextField description = new TextField();

	private final Select<Material> item = new Select<>();

	private final Select<RecordKind> kind;

	private final Select<String> language;

	private final Paragraph scanState = new Paragraph();

	private volatile UUID scanId;

	private volatile RecordKind scanKind = RecordKind.MEDICAL_RECORD;

	private volatile String scanLanguage = "en";

	ArrivalCard(Records records, MaterialArrivals arrivals, CaseMaterials materials, CaseId caseId, Runnable onLogged) {
		this.records = records;
		this.arrivals = arrivals;
		this.caseId = caseId;
		this.onLogged = onLogged;
		addClassName("card");
		setId("log-arrival");
		this.channel.setId("arrival-channel");
		this.channel.setLabel(getTranslation("records.arrival.channel"));
		this.channel.setItems(List.of(MaterialChannel.EMAIL, MaterialChannel.FAX, MaterialChannel.MAIL));
		this.channel.setItemLabelGenerator((value) -> getTranslation("records.channel." + value.name()));
		this.channel.setValue(MaterialChannel.FAX);
		this.description.setId("arrival-description");
		this.description.setLabel(getTranslation("records.arrival.description"));
		this.description.setMaxLength(300);
		this.description.setManualValidation(true);
		this.description.setWidthFull();
		this.item.setId("arrival-item");
		this.item.setLabel(getTranslation("records.arrival.item"));
		this.item.setEmptySelectionAllowed(true);
		this.item.setEmptySelectionCaption(getTranslation("records.arrival.no-item"));
		this.item.setItems(materials.list(caseId).stream().filter((material) -> !material.received()).toList());
		this.item.setItemLabelGenerator((material) -> (material != null) ? material.description() : "");
		this.kind = RecordFields.kind(this);
		this.kind.setId("arrival-kind");
		this.kind.setValue(this.scanKind);
		this.kind.addValueChangeListener((event) -> this.scanKind = event.getValue());
		this.language = RecordFields.language(this);
		this.language.setId("arrival-language");
		this.language.setValue(this.scanLanguage);
		this.language.addValueChangeListener((event) -> this.scanLanguage = event.getValue());
		Upload scan = new Upload((UploadHandler) this::receiveScan);
		scan.setId("arrival-scan");
		scan.setMaxFiles(1);
		scan.setUploadButton(new Button(getTranslation("records.arrival.scan")));
		scan.setDropLabel(new Span(getTranslation("records.upload.drop")));
		scan.addAllFinishedListener((event) -> scan.clearFileList());
		this.scanState.setId("arrival-scan-state");
		Button log = new Button(getTranslation("records.arrival.log"), (event) -> log());
		log.setId("arrival-log");
		log.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		add(new H2(getTranslation("records.arrival.title")), new Div(this.channel, this.item), this.description,
				new Div(this.kind, this.language), scan, this.scanState, log);
	}

	private void receiveScan(UploadEvent event) throws java.io.IOException {
		UI ui = event.getUI();
		String text;
		try (InputStream in = event.getInputStream()) {
			this.scanId = this.records
				.upload(this.caseId, new NewRecord(this.scanKind, this.scanLanguage, event.getFileName()), in)
				.id();
			text = getTranslation("records.upload.stored", event.getFileName());
		}
		catch (RecordRejectedException ex) {
			this.scanId = null;
			text = getTranslation("records.upload.refused", event.getFileName(),
					getTranslation(ex.messageKey(), ex.args().toArray()));
			event.getResponse().setStatus(422);
		}
		String message = text;
		ui.access(() -> this.scanState.setText(message));
	}

	private void log() {
		String text = this.description.getValue().strip();
		if (text.isEmpty()) {
			this.description.setInvalid(true);
			this.description.setErrorMessage(getTranslation("records.arrival.description-missing"));
			return;
		}
		this.description.setInvalid(false);
		Material answered = this.item.getValue();
		this.arrivals.logArrival(this.caseId, this.channel.getValue(), text, (answered != null) ? answered.id() : null,
				this.scanId);
		this.scanId = null;
		this.description.clear();
		this.scanState.setText(getTranslation("records.arrival.logged"));
		this.onLogged.run();
	}

}

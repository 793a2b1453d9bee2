package org.consilium.records.ui;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import org.consilium.cases.CaseClosedException;
import org.consilium.cases.CaseId;
import org.consilium.records.NewRecord;
import org.consilium.records.RecordKind;
import org.consilium.records.RecordRejectedException;
import org.consilium.records.RecordSummary;
import org.consilium.records.Records;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Upload into the case. The Upload component shows each file's progress; its handler gets
 * the request's input stream and passes it straight to {@link Records#upload}, so a file
 * is never held in memory or in a temporary file. The handler runs on the upload request
 * without the session lock; what it reports goes back through {@link UI#access}. Every
 * file gets a readable line: stored, or why not.
 */
class UploadCard extends Div {

	private static final Logger log = LoggerFactory.getLogger(UploadCard.class);

	private final transient Records records;

	private final CaseId caseId;

	private final Runnable onStored;

	private final Div messages = new Div();

	private volatile RecordKind kind = RecordKind.MEDICAL_RECORD;

	private volatile String language = "en";

	UploadCard(Records records, CaseId caseId, Runnable onStored) {
		this.records = records;
		this.caseId = caseId;
		this.onStored = onStored;
		addClassName("card");
		setId("record-upload");
		Select<RecordKind> kindSelect = RecordFields.kind(this);
		kindSelect.setValue(this.kind);
		kindSelect.addValueChangeListener((event) -> this.kind = event.getValue());
		Select<String> languageSelect = RecordFields.language(this);
		languageSelect.setValue(this.language);
		languageSelect.addValueChangeListener((event) -> this.language = event.getValue());
		Upload upload = new Upload((UploadHandler) this::receive);
		upload.setId("record-file");
		upload.setMaxFiles(10);
		Button button = new Button(getTranslation("records.upload.button"));
		upload.setUploadButton(button);
		upload.setDropLabel(new Span(getTranslation("records.upload.drop")));
		// A round trip when all files are done brings the results of UI.access in.
		upload.addAllFinishedListener((event) -> upload.clearFileList());
		this.messages.setId("upload-messages");
		this.messages.addClassName("upload-messages");
		add(new H2(getTranslation("records.upload.title")), new Paragraph(getTranslation("records.upload.text")),
				new Div(kindSelect, languageSelect), upload, this.messages);
	}

	private void receive(UploadEvent event) throws IOException {
		UI ui = event.getUI();
		String fileName = event.getFileName();
		String message;
		boolean ok = false;
		try (InputStream in = event.getInputStream()) {
			RecordSummary stored = this.records.upload(this.caseId, new NewRecord(this.kind, this.language, fileName),
					in);
			message = getTranslation("records.upload.stored", stored.fileName());
			ok = true;
		}
		catch (RecordRejectedException ex) {
			message = getTranslation("records.upload.refused", fileName,
					getTranslation(ex.messageKey(), ex.args().toArray()));
			event.getResponse().setStatus(422);
		}
		catch (CaseClosedException ex) {
			message = getTranslation("records.upload.closed");
			event.getResponse().setStatus(409);
		}
		catch (RuntimeException ex) {
			log.error("Upload of a record failed", ex);
			message = getTranslation("records.upload.failed", fileName);
			event.getResponse().setStatus(500);
		}
		String text = message;
		boolean stored = ok;
		ui.access(() -> {
			Paragraph line = new Paragraph(text);
			line.addClassName(stored ? "upload-ok" : "upload-error");
			this.messages.add(line);
			if (stored) {
				this.onStored.run();
			}
		});
	}

	static String languageName(String code, Locale locale) {
		return Locale.forLanguageTag(code).getDisplayLanguage(locale);
	}

}

package org.consilium.admin.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import org.consilium.identity.CensusImportException;
import org.consilium.identity.CensusImports;
import org.consilium.identity.CensusImports.Analysis;
import org.consilium.identity.CensusImports.Applied;
import org.consilium.identity.CensusImports.Effect;
import org.consilium.identity.CensusImports.Mapping;
import org.consilium.identity.CensusImports.Mode;
import org.consilium.identity.CensusImports.RowError;
import org.consilium.identity.Roles;
import org.consilium.shell.MainLayout;
import org.consilium.tenant.Tenants;
import org.consilium.tenantconfig.Workflow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A census programme's list of eligible employees, for its tenant admins, on its own site
 * only (no {@code @OperatorRoute}): upload a CSV file, say which column is which, see
 * every bad row and what merging or replacing would change, then apply. The upload is
 * kept in a temporary file of this view (owner-only permissions) and deleted once
 * applied, replaced or the view is left; analysis and apply each read it again.
 * (docs/decisions/021-census-import.md)
 */
@Route(value = "admin/census", layout = MainLayout.class)
@RolesAllowed(Roles.TENANT_ADMIN)
class CensusView extends Div implements HasDynamicTitle {

	private static final Logger log = LoggerFactory.getLogger(CensusView.class);

	private final transient CensusImports imports;

	private final Paragraph size = new Paragraph();

	private final Div uploadMessages = new Div();

	private final Div mappingCard = new Div();

	private final ComboBox<Integer> employeeId = new ComboBox<>();

	private final ComboBox<Integer> lastName = new ComboBox<>();

	private final ComboBox<Integer> dateOfBirth = new ComboBox<>();

	private final RadioButtonGroup<Mode> mode = new RadioButtonGroup<>();

	private final Checkbox skipInvalid = new Checkbox();

	private final Div previewCard = new Div();

	private final Paragraph rows = new Paragraph();

	private final Paragraph effect = new Paragraph();

	private final Paragraph verdict = new Paragraph();

	private final Paragraph truncated = new Paragraph();

	private final Grid<RowError> errors = new Grid<>();

	private final Button apply = new Button();

	private final Paragraph result = new Paragraph();

	/** The uploaded file, owned by this view until applied or left. */
	private transient Path file;

	private String fileName;

	private List<String> columns = List.of();

	private transient Analysis analysis;

	CensusView(CensusImports imports, Tenants tenants) {
		this.imports = imports;
		addClassName("census-page");
		add(new H1(getTranslation("census.title")));
		if (tenants.current().config().workflow().eligibility() != Workflow.Eligibility.CENSUS) {
			Paragraph notUsed = new Paragraph(getTranslation("census.not-used"));
			notUsed.setId("census-not-used");
			notUsed.addClassName("notice");
			add(notUsed);
			return;
		}
		Paragraph intro = new Paragraph(getTranslation("census.intro", CensusImports.DATE_FORMAT,
				CensusImports.MAX_BYTES / (1024 * 1024), (long) CensusImports.MAX_ROWS));
		intro.setId("census-intro");
		this.size.setId("census-size");
		this.result.setId("census-result");
		this.result.addClassName("notice");
		this.result.setVisible(false);
		add(intro, this.size, this.result, uploadCard(), mappingCard(), previewCard());
		showSize();
	}

	private Div uploadCard() {
		Upload upload = new Upload((UploadHandler) this::receive);
		upload.setId("census-file");
		upload.setMaxFiles(1);
		upload.setAcceptedFileTypes("text/csv", ".csv", "text/plain", ".txt");
		upload.setMaxFileSize((int) CensusImports.MAX_BYTES);
		upload.setUploadButton(new Button(getTranslation("census.upload.button")));
		upload.setDropLabel(new Span(getTranslation("census.upload.drop")));
		upload.addAllFinishedListener((event) -> upload.clearFileList());
		this.uploadMessages.setId("census-upload-messages");
		return card("census.upload.title", upload, this.uploadMessages);
	}

	private Div mappingCard() {
		field(this.employeeId, "census-employee-id", "census.mapping.employee-id");
		field(this.lastName, "census-last-name", "census.mapping.last-name");
		field(this.dateOfBirth, "census-date-of-birth", "census.mapping.date-of-birth");
		this.mode.setId("census-mode");
		this.mode.setLabel(getTranslation("census.mode"));
		this.mode.setItems(Mode.MERGE, Mode.REPLACE);
		this.mode.setItemLabelGenerator((value) -> getTranslation("census.mode." + value.name()));
		this.mode.setValue(Mode.MERGE);
		this.mode.addValueChangeListener((event) -> showPreview());
		this.skipInvalid.setId("census-skip-invalid");
		this.skipInvalid.setLabel(getTranslation("census.skip"));
		this.skipInvalid.addValueChangeListener((event) -> showPreview());
		Button check = new Button(getTranslation("census.check"), (event) -> analyse());
		check.setId("census-check");
		check.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		Div fields = new Div(this.employeeId, this.lastName, this.dateOfBirth);
		fields.addClassName("census-mapping");
		Div card = card("census.mapping.title", new Paragraph(getTranslation("census.mapping.text")), fields, this.mode,
				this.skipInvalid, check);
		this.mappingCard.add(card);
		this.mappingCard.setId("census-mapping");
		this.mappingCard.setVisible(false);
		return this.mappingCard;
	}

	private void field(ComboBox<Integer> field, String id, String label) {
		field.setId(id);
		field.setLabel(getTranslation(label));
		field.setItemLabelGenerator(this::columnName);
		field.addValueChangeListener((event) -> forgetAnalysis());
	}

	private Div previewCard() {
		this.rows.setId("census-rows");
		this.effect.setId("census-effect");
		this.verdict.setId("census-verdict");
		this.truncated.setId("census-errors-truncated");
		this.errors.setId("census-errors");
		this.errors.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
		this.errors.addColumn(RowError::line)
			.setHeader(getTranslation("census.errors.line"))
			.setAutoWidth(true)
			.setFlexGrow(0);
		this.errors.addColumn(RowError::column)
			.setHeader(getTranslation("census.errors.column"))
			.setAutoWidth(true)
			.setFlexGrow(0);
		this.errors.addColumn((error) -> getTranslation(error.reason(), error.args().toArray()))
			.setHeader(getTranslation("census.errors.reason"))
			.setFlexGrow(1);
		this.apply.setText(getTranslation("census.apply"));
		this.apply.setId("census-apply");
		this.apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		this.apply.addClickListener((event) -> confirm());
		this.previewCard.add(card("census.preview.title", this.rows, this.effect, this.verdict, this.truncated,
				this.errors, this.apply));
		this.previewCard.setId("census-preview");
		this.previewCard.setVisible(false);
		return this.previewCard;
	}

	/**
	 * Streams the upload into a temporary file and reads its header. Runs on the upload
	 * request without the session lock; the outcome reaches the page through
	 * {@link UI#access}.
	 */
	private void receive(UploadEvent event) throws IOException {
		UI ui = event.getUI();
		String name = event.getFileName();
		Path received = Files.createTempFile("census-", ".csv");
		try {
			try (InputStream in = event.getInputStream(); OutputStream out = Files.newOutputStream(received)) {
				copyAtMost(in, out, CensusImports.MAX_BYTES);
			}
			List<String> header;
			try (InputStream in = Files.newInputStream(received)) {
				header = this.imports.columns(in);
			}
			ui.access(() -> accept(received, name, header));
		}
		catch (CensusImportException ex) {
			Files.deleteIfExists(received);
			event.getResponse().setStatus(422);
			ui.access(() -> refuse(name, getTranslation(ex.messageKey(), ex.args().toArray())));
		}
		catch (IOException | RuntimeException ex) {
			Files.deleteIfExists(received);
			log.error("Census upload failed", ex);
			event.getResponse().setStatus(500);
			ui.access(() -> refuse(name, getTranslation("census.error.failed")));
		}
	}

	/** Copies the upload, stopping as soon as it is larger than a census may be. */
	static void copyAtMost(InputStream in, OutputStream out, long max) throws IOException {
		byte[] buffer = new byte[64 * 1024];
		long total = 0;
		for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
			total += n;
			if (total > max) {
				throw new CensusImportException("census.error.too-large", max / (1024 * 1024));
			}
			out.write(buffer, 0, n);
		}
	}

	private void accept(Path received, String name, List<String> header) {
		discardFile();
		this.file = received;
		this.fileName = name;
		this.columns = header;
		this.result.setVisible(false);
		this.uploadMessages.removeAll();
		Paragraph line = new Paragraph(getTranslation("census.upload.received", name, (long) header.size()));
		line.addClassName("upload-ok");
		this.uploadMessages.add(line);
		List<Integer> indexes = IntStream.range(0, header.size()).boxed().toList();
		for (ComboBox<Integer> field : List.of(this.employeeId, this.lastName, this.dateOfBirth)) {
			field.setItems(indexes);
			field.clear();
		}
		Mapping guess = guess(header);
		setIfKnown(this.employeeId, guess.employeeId());
		setIfKnown(this.lastName, guess.lastName());
		setIfKnown(this.dateOfBirth, guess.dateOfBirth());
		this.mappingCard.setVisible(true);
		forgetAnalysis();
	}

	private void refuse(String name, String reason) {
		this.uploadMessages.removeAll();
		Paragraph line = new Paragraph(getTranslation("census.upload.failed", name, reason));
		line.addClassName("upload-error");
		this.uploadMessages.add(line);
	}

	private static void setIfKnown(ComboBox<Integer> field, int index) {
		if (index >= 0) {
			field.setValue(index);
		}
	}

	private void analyse() {
		Mapping mapping = mapping();
		if (this.file == null || !mapping.isValid(this.columns.size())) {
			Notification.show(getTranslation("census.mapping.incomplete"))
				.addThemeVariants(NotificationVariant.LUMO_ERROR);
			return;
		}
		try (InputStream in = Files.newInputStream(this.file)) {
			this.analysis = this.imports.analyse(in, mapping);
		}
		catch (CensusImportException ex) {
			this.analysis = null;
			Notification.show(getTranslation(ex.messageKey(), ex.args().toArray()))
				.addThemeVariants(NotificationVariant.LUMO_ERROR);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		showPreview();
	}

	private void showPreview() {
		Analysis current = this.analysis;
		this.previewCard.setVisible(current != null);
		if (current == null) {
			return;
		}
		this.rows
			.setText(getTranslation("census.preview.rows", current.rows(), current.validRows(), current.invalidRows()));
		Effect change = current.effect(this.mode.getValue());
		this.effect.setText(getTranslation("census.preview.effect", change.added(), change.updated(), change.removed(),
				change.unchanged()));
		boolean blocked = current.invalidRows() > 0 && !this.skipInvalid.getValue();
		this.verdict.setText((current.invalidRows() == 0) ? getTranslation("census.preview.no-errors")
				: blocked ? getTranslation("census.preview.blocked")
						: getTranslation("census.preview.skipping", current.invalidRows()));
		this.verdict.setClassName("upload-error", blocked);
		this.truncated.setText(getTranslation("census.preview.errors-truncated", (long) current.errors().size(),
				current.errorCount()));
		this.truncated.setVisible(current.errorsTruncated());
		this.errors.setItems(current.errors());
		this.errors.setAllRowsVisible(current.errors().size() <= 50);
		this.errors.setVisible(!current.errors().isEmpty());
		this.apply.setEnabled(!blocked && current.validRows() > 0);
	}

	private void forgetAnalysis() {
		this.analysis = null;
		showPreview();
	}

	private void confirm() {
		Analysis current = this.analysis;
		if (current == null) {
			return;
		}
		Mode chosen = this.mode.getValue();
		Effect change = current.effect(chosen);
		Dialog dialog = new Dialog();
		dialog.setHeaderTitle(getTranslation("census.apply.confirm.title"));
		Paragraph text = new Paragraph(getTranslation("census.apply.confirm." + chosen.name(), this.fileName,
				change.added(), change.updated(), change.removed(), change.unchanged()));
		text.setId("census-confirm-text");
		dialog.add(text);
		Button yes = new Button(getTranslation("dialog.confirm"), (event) -> {
			dialog.close();
			applyFile(chosen);
		});
		yes.setId("census-confirm");
		yes.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		Button no = new Button(getTranslation("dialog.cancel"), (event) -> dialog.close());
		no.setId("census-cancel");
		dialog.getFooter().add(no, yes);
		dialog.open();
	}

	private void applyFile(Mode chosen) {
		Applied applied;
		try (InputStream in = Files.newInputStream(this.file)) {
			applied = this.imports.apply(in, mapping(), chosen, this.skipInvalid.getValue());
		}
		catch (CensusImportException ex) {
			Notification.show(getTranslation(ex.messageKey(), ex.args().toArray()))
				.addThemeVariants(NotificationVariant.LUMO_ERROR);
			return;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Effect done = applied.effect();
		this.result.setText(getTranslation("census.applied." + chosen.name(), done.added(), done.updated(),
				done.removed(), done.unchanged(), applied.skippedRows()));
		this.result.setVisible(true);
		discardFile();
		this.uploadMessages.removeAll();
		this.mappingCard.setVisible(false);
		forgetAnalysis();
		showSize();
	}

	private Mapping mapping() {
		return new Mapping(index(this.employeeId), index(this.lastName), index(this.dateOfBirth));
	}

	private static int index(ComboBox<Integer> field) {
		return (field.getValue() != null) ? field.getValue() : -1;
	}

	private String columnName(Integer index) {
		String name = (index < this.columns.size()) ? this.columns.get(index) : "";
		return name.isBlank() ? getTranslation("census.mapping.unnamed", index + 1) : name;
	}

	private void showSize() {
		this.size.setText(getTranslation("census.size", this.imports.size()));
	}

	private void discardFile() {
		Path previous = this.file;
		this.file = null;
		this.analysis = null;
		if (previous != null) {
			try {
				Files.deleteIfExists(previous);
			}
			catch (IOException ex) {
				log.warn("Could not delete a census upload", ex);
			}
		}
	}

	@Override
	protected void onDetach(DetachEvent event) {
		discardFile();
		super.onDetach(event);
	}

	/**
	 * The columns a header most likely means, by name in English or Spanish; -1 where
	 * none matches.
	 */
	static Mapping guess(List<String> header) {
		List<String> names = header.stream().map(CensusView::normalised).toList();
		int id = first(names, (n) -> n.equals("id") || n.contains("employee") || n.contains("empleado")
				|| n.equals("empid") || n.contains("staffid") || n.contains("personnel"), -1, -1);
		int last = first(names, (n) -> n.contains("lastname") || n.contains("surname") || n.contains("familyname")
				|| n.contains("apellido"), id, -1);
		int born = first(names, (n) -> n.contains("birth") || n.equals("dob") || n.contains("nacimiento"), id, last);
		return new Mapping(id, last, born);
	}

	private static int first(List<String> names, Predicate<String> matches, int taken, int alsoTaken) {
		for (int i = 0; i < names.size(); i++) {
			if (i != taken && i != alsoTaken && matches.test(names.get(i))) {
				return i;
			}
		}
		return -1;
	}

	private static String normalised(String name) {
		return Normalizer.normalize(name, Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.toLowerCase(Locale.ROOT)
			.replaceAll("[^a-z0-9]", "");
	}

	private Div card(String title, com.vaadin.flow.component.Component... content) {
		Div card = new Div(new H2(getTranslation(title)));
		card.add(content);
		card.addClassName("card");
		return card;
	}

	@Override
	public String getPageTitle() {
		return getTranslation("census.title");
	}

}

package org.consilium.console.ui;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import org.consilium.console.ConfigConsole;
import org.consilium.console.ConfigConsole.ImportRefusedException;
import org.consilium.console.ConfigDraft;
import org.consilium.identity.Roles;
import org.consilium.shell.MainLayout;
import org.consilium.tenant.TenantVersions.Change;
import org.consilium.tenant.TenantVersions.ConfigVersion;
import org.consilium.tenant.TenantVersions.InvalidConfigurationException;
import org.consilium.tenant.TenantVersions.StaleConfigurationException;
import org.consilium.tenant.TenantVersions.Validation;
import org.consilium.tenant.Tenants;
import org.consilium.tenantconfig.ConfigProblem;
import org.consilium.tenantconfig.TextDiff;
import org.consilium.tenantconfig.YamlEdit;

/**
 * Every version of the programme's configuration with who changed it, when and why; the
 * changes each made; rollback to an earlier one (as a new version); export of the current
 * one as a tenant file and import of one, reviewed as a diff before it is saved.
 */
@Route(value = "admin/console/versions", layout = MainLayout.class)
@RolesAllowed(Roles.TENANT_ADMIN)
class VersionsView extends Div implements HasDynamicTitle {

	private final ConfigConsole console;

	private final ZoneId zone;

	private final Grid<ConfigVersion> grid = new Grid<>();

	private final Div changes = new Div();

	private final Div importOutcome = new Div();

	VersionsView(ConfigConsole console, Tenants tenants) {
		this.console = console;
		this.zone = tenants.current().config().branding().businessHours().timeZone();
		addClassName("console-page");
		this.changes.setId("console-version-changes");
		this.importOutcome.setId("console-import-outcome");
		add(new H1(getTranslation("console.section.versions")), new ConsoleSections("versions"),
				new Paragraph(getTranslation("console.versions.intro")), history(), this.changes, exportAndImport());
		reload();
	}

	private Div history() {
		DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
			.withLocale(getLocale())
			.withZone(this.zone);
		this.grid.setId("console-versions");
		this.grid.addThemeVariants(GridVariant.LUMO_COMPACT);
		this.grid.addColumn(ConfigVersion::version)
			.setHeader(getTranslation("console.versions.version"))
			.setWidth("6em")
			.setFlexGrow(0);
		this.grid.addColumn((version) -> when.format(version.createdAt()))
			.setHeader(getTranslation("console.versions.when"));
		this.grid.addColumn(ConfigVersion::createdBy).setHeader(getTranslation("console.versions.who"));
		this.grid.addColumn((version) -> getTranslation("console.origin." + version.origin().name()))
			.setHeader(getTranslation("console.versions.origin"));
		this.grid.addColumn((version) -> (version.note() != null) ? version.note() : "")
			.setHeader(getTranslation("console.versions.note"));
		this.grid.addColumn((version) -> version.current() ? getTranslation("console.versions.current") : "")
			.setHeader(getTranslation("console.versions.state"));
		this.grid.setAllRowsVisible(true);
		this.grid.addSelectionListener(
				(event) -> event.getFirstSelectedItem().ifPresentOrElse(this::showChanges, this.changes::removeAll));
		Div card = new Div(new H2(getTranslation("console.versions.history")),
				new Paragraph(getTranslation("console.versions.history-help")), this.grid);
		card.addClassName("card");
		return card;
	}

	private void reload() {
		List<ConfigVersion> history = this.console.history();
		this.grid.setItems(history);
		if (!history.isEmpty()) {
			this.grid.select(history.get(0));
		}
	}

	private void showChanges(ConfigVersion version) {
		this.changes.removeAll();
		this.changes.addClassName("card");
		this.changes.add(new H2(getTranslation("console.versions.changes", version.version())));
		this.changes.add(diff(this.console.changesIn(version.version())));
		if (!version.current()) {
			Button rollBack = new Button(getTranslation("console.versions.roll-back", version.version()));
			rollBack.setId("console-roll-back");
			rollBack.addClickListener((event) -> confirmRollBack(version));
			this.changes.add(rollBack);
		}
	}

	private void confirmRollBack(ConfigVersion version) {
		int current = this.console.history().get(0).version();
		Dialog dialog = new Dialog();
		dialog.setHeaderTitle(getTranslation("console.versions.roll-back", version.version()));
		dialog.add(new Paragraph(getTranslation("console.versions.roll-back-text", version.version(), current)),
				diff(TextDiff.lines(YamlEdit.normalized(this.console.yamlOf(current)),
						YamlEdit.normalized(this.console.yamlOf(version.version())))));
		Button confirm = new Button(getTranslation("console.versions.roll-back-confirm"), (event) -> {
			dialog.close();
			try {
				Change change = this.console.rollBackTo(version.version(), current);
				Notification.show(getTranslation("console.saved", change.version()))
					.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
			}
			catch (StaleConfigurationException ex) {
				Notification.show(getTranslation("console.stale", ex.current().version(), ex.current().createdBy()))
					.addThemeVariants(NotificationVariant.LUMO_ERROR);
			}
			catch (InvalidConfigurationException ex) {
				// An old version may clash with what other programmes have claimed since.
				Notification
					.show(getTranslation("console.versions.roll-back-invalid",
							String.join("; ", ex.problems().stream().map(ConfigProblem::toString).toList())))
					.addThemeVariants(NotificationVariant.LUMO_ERROR);
			}
			reload();
		});
		confirm.setId("console-roll-back-confirm");
		confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		dialog.getFooter().add(new Button(getTranslation("console.cancel"), (event) -> dialog.close()), confirm);
		dialog.open();
	}

	private Div exportAndImport() {
		ConfigConsole.Export export = this.console.export();
		Anchor download = new Anchor(DownloadHandler.fromInputStream((event) -> {
			ConfigConsole.Export current = this.console.export();
			byte[] bytes = current.yaml().getBytes(StandardCharsets.UTF_8);
			return new DownloadResponse(new ByteArrayInputStream(bytes), current.fileName(), "application/yaml",
					bytes.length);
		}), getTranslation("console.export.download", export.fileName()));
		download.setId("console-export");
		download.getElement().setAttribute("download", export.fileName());
		Upload upload = new Upload((UploadHandler) this::receiveImport);
		upload.setId("console-import");
		upload.setMaxFiles(1);
		upload.setMaxFileSize(ConfigConsole.MAX_IMPORT_BYTES);
		upload.setAcceptedFileTypes(".yaml", ".yml", "application/yaml", "text/yaml", "text/plain");
		upload.setUploadButton(new Button(getTranslation("console.import.button")));
		upload.setDropLabel(new Span(getTranslation("console.import.drop")));
		upload.addAllFinishedListener((event) -> upload.clearFileList());
		Div card = new Div(new H2(getTranslation("console.export.title")),
				new Paragraph(getTranslation("console.export.text")), download,
				new H2(getTranslation("console.import.title")), new Paragraph(getTranslation("console.import.text")),
				upload, this.importOutcome);
		card.addClassName("card");
		return card;
	}

	private void receiveImport(UploadEvent event) throws IOException {
		UI ui = event.getUI();
		byte[] content;
		try (InputStream in = event.getInputStream()) {
			content = in.readNBytes(ConfigConsole.MAX_IMPORT_BYTES + 1);
		}
		ui.access(() -> showImport(content));
	}

	void showImport(byte[] content) {
		this.importOutcome.removeAll();
		ConfigDraft draft;
		try {
			draft = this.console.readImport(content);
		}
		catch (ImportRefusedException ex) {
			this.importOutcome.add(error(getTranslation(ex.messageKey(), ConfigConsole.MAX_IMPORT_BYTES / 1024)));
			return;
		}
		catch (InvalidConfigurationException ex) {
			this.importOutcome.add(problems(ex.problems()));
			return;
		}
		Validation validation = this.console.check(draft);
		if (!validation.valid()) {
			this.importOutcome.add(problems(validation.problems()));
			return;
		}
		List<TextDiff.Line> lines = TextDiff.lines(YamlEdit.normalized(this.console.export().yaml()),
				YamlEdit.normalized(draft.text()));
		if (!TextDiff.changed(lines)) {
			this.importOutcome.add(new Paragraph(getTranslation("console.import.same")));
			return;
		}
		TextField note = new TextField(getTranslation("console.save.note"));
		note.setId("console-import-note");
		Button apply = new Button(getTranslation("console.import.apply"));
		apply.setId("console-import-apply");
		apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		apply.addClickListener((click) -> {
			try {
				Change change = this.console.save(draft, note.getValue());
				this.importOutcome.removeAll();
				this.importOutcome.add(new Paragraph(getTranslation("console.saved", change.version())));
				reload();
			}
			catch (InvalidConfigurationException ex) {
				this.importOutcome.add(problems(ex.problems()));
			}
			catch (StaleConfigurationException ex) {
				this.importOutcome
					.add(error(getTranslation("console.stale", ex.current().version(), ex.current().createdBy())));
			}
		});
		this.importOutcome.add(new Paragraph(getTranslation("console.import.review")), diff(lines), note, apply);
	}

	private Pre diff(List<TextDiff.Line> lines) {
		Pre pre = new Pre();
		pre.addClassName("console-diff");
		if (!TextDiff.changed(lines)) {
			pre.setText(getTranslation("console.versions.no-changes"));
			return pre;
		}
		for (TextDiff.Line line : lines) {
			if (line.kind() == TextDiff.Kind.SAME) {
				continue;
			}
			Span span = new Span((line.kind() == TextDiff.Kind.ADDED ? "+ " : "- ") + line.text() + "\n");
			span.addClassName(line.kind() == TextDiff.Kind.ADDED ? "diff-added" : "diff-removed");
			span.getElement()
				.setAttribute("title", getTranslation("console.versions.line",
						line.kind() == TextDiff.Kind.ADDED ? line.newNumber() : line.oldNumber()));
			pre.add(span);
		}
		return pre;
	}

	private UnorderedList problems(List<ConfigProblem> problems) {
		UnorderedList list = new UnorderedList();
		list.addClassName("console-problems");
		list.setId("console-import-problems");
		for (ConfigProblem problem : problems) {
			list.add(new ListItem(problem.describe()));
		}
		return list;
	}

	private Paragraph error(String text) {
		Paragraph paragraph = new Paragraph(text);
		paragraph.addClassName("upload-error");
		paragraph.setId("console-import-error");
		return paragraph;
	}

	@Override
	public String getPageTitle() {
		return getTranslation("console.section.versions");
	}

}

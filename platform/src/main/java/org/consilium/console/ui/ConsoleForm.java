package org.consilium.console.ui;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import org.consilium.console.ConfigConsole;
import org.consilium.console.ConfigDraft;
import org.consilium.tenant.TenantVersions.Change;
import org.consilium.tenant.TenantVersions.InvalidConfigurationException;
import org.consilium.tenant.TenantVersions.StaleConfigurationException;
import org.consilium.tenant.TenantVersions.Validation;
import org.consilium.tenantconfig.ConfigProblem;
import org.consilium.tenantconfig.TenantConfig;
import org.consilium.tenantconfig.YamlEdit;

/**
 * A console page that edits part of the configuration: its fields are bound to paths in
 * the tenant file; every change is validated at once by the tenant files' rules, each
 * problem shown next to the field its path belongs to (the rest above the save button),
 * and the preview redrawn from the candidate configuration. Saving stores a new version.
 */
abstract class ConsoleForm extends Div implements HasDynamicTitle {

	protected final ConfigConsole console;

	private final String section;

	private final Map<String, HasValidation> fieldsByPath = new LinkedHashMap<>();

	private final Map<String, byte[]> uploads = new LinkedHashMap<>();

	private final UnorderedList otherProblems = new UnorderedList();

	private final Paragraph status = new Paragraph();

	private final TextField note = new TextField();

	private final Button save = new Button();

	private ConfigDraft base;

	ConsoleForm(ConfigConsole console, String section) {
		this.console = console;
		this.section = section;
		this.base = console.draft();
		addClassName("console-page");
		this.otherProblems.setId("console-problems");
		this.otherProblems.addClassName("console-problems");
		this.status.setId("console-status");
		this.note.setId("console-note");
		this.note.setLabel(getTranslation("console.save.note"));
		this.note.setHelperText(getTranslation("console.save.note-help"));
		this.note.setMaxLength(200);
		this.save.setText(getTranslation("console.save.button"));
		this.save.setId("console-save");
		this.save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		this.save.addClickListener((event) -> save());
		add(new H1(getTranslation("console.section." + section)), new ConsoleSections(section),
				new Paragraph(getTranslation("console." + section + ".intro")));
	}

	/** Adds the page's form and preview, then shows the current configuration's state. */
	protected void build(Div form, Div preview) {
		Div columns = new Div(form, preview);
		columns.addClassName("console-columns");
		form.addClassName("console-form");
		preview.addClassName("console-preview");
		preview.setId("console-preview");
		Div actions = new Div(this.note, this.save);
		actions.addClassName("console-actions");
		add(columns, this.otherProblems, actions, this.status);
		this.status.setText(getTranslation("console.status.current", this.base.baseVersion()));
		refresh();
	}

	/** The configuration the page started from. */
	protected ConfigDraft base() {
		return this.base;
	}

	/** Field values into a draft's tenant file. */
	protected abstract void apply(YamlEdit yaml);

	/** Redraws the preview from a valid candidate, or from the current one. */
	protected abstract void preview(TenantConfig candidate, ConfigDraft draft);

	/** Problems under this path are shown on the field. */
	protected <F extends HasValidation> F bind(String path, F field) {
		this.fieldsByPath.put(path, field);
		return field;
	}

	/** A file the draft refers to (a new logo). */
	protected void upload(String path, byte[] content) {
		this.uploads.put(path, content);
	}

	/** Validates the form's candidate and shows the outcome; call on every change. */
	protected Validation refresh() {
		ConfigDraft draft = candidate();
		Validation validation = this.console.check(draft);
		show(validation.problems());
		validation.tenant().ifPresent((loaded) -> preview(loaded.config(), draft));
		this.save.setEnabled(validation.valid() && draft.yaml().changed());
		return validation;
	}

	private ConfigDraft candidate() {
		ConfigDraft draft = new ConfigDraft(this.base.baseVersion(), YamlEdit.of(this.base.text()), this.base.assets(),
				this.base.origin());
		this.uploads.forEach(draft::putAsset);
		apply(draft.yaml());
		return draft;
	}

	private void save() {
		ConfigDraft draft = candidate();
		try {
			Change change = this.console.save(draft, this.note.getValue());
			this.base = this.console.draft();
			this.uploads.clear();
			this.note.clear();
			String message = change.stored() ? getTranslation("console.saved", change.version())
					: getTranslation("console.unchanged");
			this.status.setText(message);
			Notification.show(message).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
			refresh();
		}
		catch (InvalidConfigurationException ex) {
			show(ex.problems());
		}
		catch (StaleConfigurationException ex) {
			this.status.setText(getTranslation("console.stale", ex.current().version(), ex.current().createdBy()));
			Notification.show(this.status.getText()).addThemeVariants(NotificationVariant.LUMO_ERROR);
		}
	}

	/** Each problem on the field with the longest path it falls under. */
	private void show(List<ConfigProblem> problems) {
		Map<HasValidation, List<String>> byField = new LinkedHashMap<>();
		List<ConfigProblem> unplaced = new ArrayList<>();
		for (ConfigProblem problem : problems) {
			Optional<HasValidation> field = fieldFor(problem.path());
			if (field.isPresent()) {
				byField.computeIfAbsent(field.get(), (key) -> new ArrayList<>()).add(problem.reason());
			}
			else {
				unplaced.add(problem);
			}
		}
		this.fieldsByPath.values().forEach((field) -> {
			List<String> reasons = byField.get(field);
			field.setErrorMessage((reasons != null) ? String.join("; ", reasons) : null);
			field.setInvalid(reasons != null);
		});
		this.otherProblems.removeAll();
		for (ConfigProblem problem : unplaced) {
			this.otherProblems.add(new ListItem(getTranslation("console.problem",
					problem.path().isEmpty() ? "-" : problem.path(), problem.reason())));
		}
		this.otherProblems.setVisible(!unplaced.isEmpty());
	}

	private Optional<HasValidation> fieldFor(String path) {
		return this.fieldsByPath.entrySet()
			.stream()
			.filter((entry) -> path.equals(entry.getKey()) || path.startsWith(entry.getKey() + ".")
					|| path.startsWith(entry.getKey() + "["))
			.max(Comparator.comparingInt((Map.Entry<String, HasValidation> entry) -> entry.getKey().length()))
			.map(Map.Entry::getValue);
	}

	@Override
	public String getPageTitle() {
		return getTranslation("console.section." + this.section);
	}

}

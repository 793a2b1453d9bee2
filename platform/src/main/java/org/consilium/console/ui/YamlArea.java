package org.consilium.console.ui;

import com.vaadin.flow.component.textfield.TextArea;
import org.consilium.tenantconfig.YamlEdit;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * A part of the tenant file edited as YAML text (intake questions, consents, message
 * wording): the text goes into the file as it is, so the tenant file's reader judges it
 * with its own messages, placed on the area by path. Text that is not YAML at all goes in
 * as a plain string, which the reader refuses where a list or mapping belongs, so nothing
 * is saved; the area then says why it is not YAML.
 */
final class YamlArea {

	private final String path;

	private final TextArea area;

	private final String initial;

	private String syntaxError;

	YamlArea(String path, TextArea area, YamlEdit current) {
		this.path = path;
		this.area = area;
		this.initial = current.yaml(path).stripTrailing();
		area.setValue(this.initial);
		area.setWidthFull();
		area.addClassName("console-yaml");
		area.setId("console-yaml-" + path.replace('.', '-'));
	}

	String path() {
		return this.path;
	}

	TextArea area() {
		return this.area;
	}

	void applyTo(YamlEdit yaml) {
		if (this.area.getValue().stripTrailing().equals(this.initial)) {
			// Untouched: the file keeps this part as it was written, comments and all.
			this.syntaxError = null;
			return;
		}
		try {
			yaml.setYaml(this.path, this.area.getValue());
			this.syntaxError = null;
		}
		catch (IllegalArgumentException ex) {
			this.syntaxError = (ex.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null)
					? marked.getProblem() + " (" + (marked.getProblemMark().getLine() + 1) + ")"
					: ex.getMessage().lines().findFirst().orElse("").strip();
			yaml.set(this.path, this.area.getValue());
		}
	}

	/** After the reader's problems are shown: a text that is not YAML says so. */
	void showSyntaxError() {
		if (this.syntaxError != null) {
			this.area.setErrorMessage(this.area.getTranslation("console.yaml.not-yaml", this.syntaxError));
			this.area.setInvalid(true);
		}
	}

}

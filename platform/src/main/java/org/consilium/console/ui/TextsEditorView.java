package org.consilium.console.ui;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.consilium.console.ConfigConsole;
import org.consilium.console.ConfigDraft;
import org.consilium.identity.Roles;
import org.consilium.shell.MainLayout;
import org.consilium.tenant.TenantVersions.Validation;
import org.consilium.tenantconfig.Consent;
import org.consilium.tenantconfig.IntakeQuestion;
import org.consilium.tenantconfig.LocalizedText;
import org.consilium.tenantconfig.NotificationKind;
import org.consilium.tenantconfig.NotificationTemplate;
import org.consilium.tenantconfig.TenantConfig;
import org.consilium.tenantconfig.YamlEdit;

/**
 * The programme's own texts, each part edited as the YAML of the tenant file (a
 * structured editor would be nicer; the text is exactly what the reader judges, with its
 * messages on the area): intake questions per specialty, required consents (versioned)
 * and the wording of e-mails. As preview, the questions as a patient sees them, the
 * consents with their versions (warning where a text changed but its version did not),
 * and each overridden message filled in with sample values.
 */
@Route(value = "admin/console/texts", layout = MainLayout.class)
@RolesAllowed(Roles.TENANT_ADMIN)
class TextsEditorView extends ConsoleForm {

	private final List<YamlArea> areas;

	private final Optional<TenantConfig> current;

	private final Div previewBox = new Div();

	TextsEditorView(ConfigConsole console) {
		super(console, "texts");
		YamlEdit yaml = base().yaml();
		this.current = console.check(base()).tenant().map((loaded) -> loaded.config());
		YamlArea intake = area("workflow.intakeQuestions", "intake", yaml);
		YamlArea consents = area("workflow.requiredConsents", "consents", yaml);
		YamlArea notifications = area("notifications", "notifications", yaml);
		this.areas = List.of(intake, consents, notifications);
		Div form = new Div(section("intake", intake), section("consents", consents),
				section("notifications", notifications));
		this.previewBox.setId("console-texts-preview");
		build(form, new Div(new H2(getTranslation("console.texts.preview")), this.previewBox));
	}

	@Override
	protected void apply(YamlEdit yaml) {
		this.areas.forEach((area) -> area.applyTo(yaml));
	}

	@Override
	protected Validation refresh() {
		Validation validation = super.refresh();
		if (this.areas != null) {
			this.areas.forEach(YamlArea::showSyntaxError);
		}
		return validation;
	}

	@Override
	protected void preview(TenantConfig candidate, ConfigDraft draft) {
		this.previewBox.removeAll();
		Locale locale = candidate.supports(getLocale()) ? getLocale() : candidate.defaultLocale();
		this.previewBox.add(new H3(getTranslation("console.texts.preview-intake")));
		Map<String, List<IntakeQuestion>> questions = candidate.workflow().intakeQuestions();
		if (questions.isEmpty()) {
			this.previewBox.add(new Paragraph(getTranslation("console.texts.preview-no-questions")));
		}
		questions.forEach((specialty, list) -> {
			Div box = new Div(new H4(getTranslation("specialty." + specialty)));
			box.addClassName("console-preview-intake");
			list.forEach((question) -> box.add(field(specialty, question, locale)));
			this.previewBox.add(box);
		});
		this.previewBox.add(new H3(getTranslation("console.texts.preview-consents")));
		for (Consent consent : candidate.workflow().requiredConsents()) {
			Paragraph text = new Paragraph(getTranslation("console.texts.preview-consent", consent.id(),
					consent.version(), consent.text().in(locale)));
			text.setId("preview-consent-" + consent.id());
			this.previewBox.add(text);
			unchangedVersion(consent).ifPresent((warning) -> this.previewBox.add(warning));
		}
		this.previewBox.add(new H3(getTranslation("console.texts.preview-notifications")));
		if (candidate.notifications().isEmpty()) {
			this.previewBox.add(new Paragraph(getTranslation("console.texts.preview-no-notifications")));
		}
		String person = getTranslation("console.texts.sample-name");
		for (NotificationKind kind : NotificationKind.values()) {
			candidate.notification(kind).ifPresent((template) -> {
				for (Locale language : candidate.locales()) {
					Div mail = new Div(new H4(getTranslation("console.texts.preview-mail", kind.key(),
							language.getDisplayLanguage(getLocale()))));
					mail.addClassName("console-preview-mail");
					mail.setId("preview-mail-" + kind.key() + "-" + language.getLanguage());
					Function<String, String> platform = (part) -> getTranslation(language,
							"notify." + kind.key() + "." + part, candidate.displayName(), person);
					mail.add(line("subject", fill(template.subject(), language, candidate, person)
						.orElseGet(() -> platform.apply("subject"))));
					mail.add(line("body", fill(template.body(), language, candidate, person)
						.orElseGet(() -> platform.apply("body"))));
					mail.add(line("action", fill(template.action(), language, candidate, person)
						.orElseGet(() -> platform.apply("action"))));
					this.previewBox.add(mail);
				}
			});
		}
	}

	/**
	 * The reader only needs a version; a consent whose text changed under the same
	 * version would be recorded with signatures of different texts under one version.
	 */
	private Optional<Paragraph> unchangedVersion(Consent consent) {
		return this.current.flatMap((config) -> config.workflow()
			.requiredConsents()
			.stream()
			.filter((before) -> before.id().equals(consent.id()) && before.version().equals(consent.version())
					&& !before.text().equals(consent.text()))
			.findFirst()
			.map((before) -> {
				Paragraph warning = new Paragraph(
						getTranslation("console.texts.consent-same-version", consent.id(), consent.version()));
				warning.addClassName("console-warning");
				warning.setId("preview-consent-warning-" + consent.id());
				return warning;
			}));
	}

	private Paragraph line(String part, String text) {
		return new Paragraph(getTranslation("console.texts.mail." + part, text));
	}

	private static Optional<String> fill(Optional<LocalizedText> text, Locale locale, TenantConfig config,
			String person) {
		// As the mail renderer fills the tenant's own wording.
		return text.map((template) -> template.in(locale)
			.replace("{programme}", config.displayName())
			.replace("{name}", person));
	}

	/** The question as the case request shows it, for looking at only. */
	private Component field(String specialty, IntakeQuestion question, Locale locale) {
		String label = question.label().in(locale);
		Component field = switch (question.type()) {
			case TEXT -> new TextField(label);
			case LONG_TEXT -> new TextArea(label);
			case YES_NO -> {
				RadioButtonGroup<String> choice = new RadioButtonGroup<>(label);
				choice.setItems(getTranslation("answer.yes"), getTranslation("answer.no"));
				yield choice;
			}
			case SINGLE_CHOICE -> {
				RadioButtonGroup<String> choice = new RadioButtonGroup<>(label);
				choice.setItems(question.options().stream().map((option) -> option.in(locale)).toList());
				yield choice;
			}
			case DATE -> new DatePicker(label);
		};
		((com.vaadin.flow.component.HasValue<?, ?>) field).setReadOnly(true);
		((com.vaadin.flow.component.HasValue<?, ?>) field).setRequiredIndicatorVisible(question.required());
		field.setId("preview-intake-" + specialty + "-" + question.id());
		field.getElement().getStyle().set("width", "100%");
		return field;
	}

	private YamlArea area(String path, String key, YamlEdit yaml) {
		TextArea text = new TextArea(getTranslation("console.texts." + key));
		YamlArea area = new YamlArea(path, text, yaml);
		text.addValueChangeListener((event) -> refresh());
		bind(path, text);
		return area;
	}

	private Div section(String key, YamlArea area) {
		Div box = new Div(new H2(getTranslation("console.texts." + key)),
				new Paragraph(getTranslation("console.texts." + key + ".help", "{programme}", "{name}")), area.area(),
				applies("console.texts." + key + ".applies"));
		box.addClassName("console-knob");
		return box;
	}

	private Paragraph applies(String key) {
		Paragraph when = new Paragraph(getTranslation(key));
		when.addClassName("console-applies");
		return when;
	}

}

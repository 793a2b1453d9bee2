package org.consilium.console.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.consilium.console.ConfigConsole;
import org.consilium.console.ConfigDraft;
import org.consilium.identity.Roles;
import org.consilium.shell.MainLayout;
import org.consilium.tenant.TenantVersions.Validation;
import org.consilium.tenantconfig.TenantConfig;
import org.consilium.tenantconfig.YamlEdit;

/**
 * The languages a programme speaks (the platform's own texts exist in English and
 * Spanish) and its default, the first of the {@code locales} list. Every text the
 * programme writes itself needs a translation for each language; the reader lists those
 * missing, so the footer and the other texts can be translated here in the same change.
 * As preview, the programme's name and footer in each language.
 */
@Route(value = "admin/console/languages", layout = MainLayout.class)
@RolesAllowed(Roles.TENANT_ADMIN)
class LanguagesEditorView extends ConsoleForm {

	/** The languages the platform's message bundles exist in. */
	static final List<String> PLATFORM_LANGUAGES = List.of("en", "es");

	private static final String FOOTER = "branding.legalFooter";

	private final CheckboxGroup<String> languages = new CheckboxGroup<>();

	private final RadioButtonGroup<String> defaultLanguage = new RadioButtonGroup<>();

	private final Map<String, TextArea> footers = new LinkedHashMap<>();

	private final List<YamlArea> areas;

	private final Div previewBox = new Div();

	LanguagesEditorView(ConfigConsole console) {
		super(console, "languages");
		YamlEdit current = base().yaml();
		List<String> chosen = current.scalars("locales");
		this.languages.setLabel(getTranslation("console.languages.offered"));
		this.languages.setItems(PLATFORM_LANGUAGES);
		this.languages.setItemLabelGenerator(this::name);
		this.languages.setValue(new java.util.LinkedHashSet<>(chosen));
		this.languages.setHelperText(getTranslation("console.languages.offered.help"));
		this.languages.setId("console-languages");
		bind("locales", this.languages);
		this.defaultLanguage.setLabel(getTranslation("console.languages.default"));
		this.defaultLanguage.setItems(PLATFORM_LANGUAGES);
		this.defaultLanguage.setItemLabelGenerator(this::name);
		this.defaultLanguage.setValue(chosen.isEmpty() ? null : chosen.get(0));
		this.defaultLanguage.setHelperText(getTranslation("console.languages.default.help"));
		this.defaultLanguage.setId("console-languages-default");
		Div form = new Div(knob(this.languages), knob(this.defaultLanguage),
				new H2(getTranslation("console.languages.translations")),
				new Paragraph(getTranslation("console.languages.translations.help",
						"label: { en: Your diagnosis, es: Su diagnóstico }")));
		boolean perLanguage = !current.keys(FOOTER).isEmpty();
		for (String language : PLATFORM_LANGUAGES) {
			TextArea area = new TextArea(getTranslation("console.branding.footer-in", name(language)));
			Optional<String> text = perLanguage ? current.scalar(FOOTER + "." + language)
					: current.scalar(FOOTER).filter((plain) -> language.equals(chosen.get(0)));
			area.setValue(text.orElse(""));
			area.setWidthFull();
			area.setMaxLength(2000);
			area.setId("console-footer-" + language);
			area.addValueChangeListener((event) -> refresh());
			bind(FOOTER + "." + language, area);
			this.footers.put(language, area);
			form.add(area);
		}
		bind(FOOTER, this.footers.get(PLATFORM_LANGUAGES.get(0)));
		this.areas = new ArrayList<>();
		for (String path : List.of("workflow.intakeQuestions", "workflow.requiredConsents", "notifications")) {
			String key = path.substring(path.lastIndexOf('.') + 1);
			TextArea text = new TextArea(getTranslation("console.languages.texts." + key));
			this.areas.add(new YamlArea(path, text, current));
			text.addValueChangeListener((event) -> refresh());
			bind(path, text);
			form.add(text);
		}
		this.languages.addValueChangeListener((event) -> {
			showChosen();
			refresh();
		});
		this.defaultLanguage.addValueChangeListener((event) -> refresh());
		showChosen();
		this.previewBox.setId("console-languages-preview");
		build(form, new Div(new H2(getTranslation("console.languages.preview")), this.previewBox));
	}

	@Override
	protected void apply(YamlEdit yaml) {
		List<String> chosen = chosen();
		yaml.setList("locales", chosen);
		if (chosen.stream().allMatch((language) -> this.footers.get(language).getValue().isBlank())) {
			yaml.remove(FOOTER);
		}
		else if (chosen.size() == 1) {
			yaml.set(FOOTER, this.footers.get(chosen.get(0)).getValue());
		}
		else {
			for (String language : PLATFORM_LANGUAGES) {
				yaml.set(FOOTER + "." + language,
						chosen.contains(language) ? this.footers.get(language).getValue() : null);
			}
		}
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
		for (Locale locale : candidate.locales()) {
			String language = locale.getLanguage();
			Div box = new Div(new H3(locale.equals(candidate.defaultLocale())
					? getTranslation("console.languages.preview-default", name(language)) : name(language)));
			box.addClassName("console-preview-language");
			box.setId("preview-language-" + language);
			Paragraph programme = new Paragraph(candidate.displayName());
			programme.setId("preview-name-" + language);
			Paragraph footer = new Paragraph(
					Optional.ofNullable(candidate.branding().legalFooter()).map((text) -> text.in(locale)).orElse(""));
			footer.addClassName("preview-footer");
			footer.setId("preview-footer-" + language);
			box.add(programme, new Paragraph(getTranslation(locale, "landing.tagline")), footer);
			this.previewBox.add(box);
		}
	}

	/** The default first, then the others in the platform's order. */
	private List<String> chosen() {
		List<String> chosen = new ArrayList<>();
		String first = this.defaultLanguage.getValue();
		if (first != null && this.languages.getValue().contains(first)) {
			chosen.add(first);
		}
		PLATFORM_LANGUAGES.stream()
			.filter((language) -> this.languages.getValue().contains(language) && !chosen.contains(language))
			.forEach(chosen::add);
		return chosen;
	}

	/** Footer fields and default choices for the languages offered only. */
	private void showChosen() {
		this.footers.forEach((language, area) -> area.setVisible(this.languages.getValue().contains(language)));
		this.defaultLanguage.setItemEnabledProvider((language) -> this.languages.getValue().contains(language));
		if (!this.languages.getValue().contains(this.defaultLanguage.getValue())) {
			this.defaultLanguage.setValue(chosen().isEmpty() ? null : chosen().get(0));
		}
	}

	private Div knob(com.vaadin.flow.component.Component field) {
		Div box = new Div(field);
		box.addClassName("console-knob");
		return box;
	}

	private String name(String language) {
		return getTranslation("console.languages.name." + language);
	}

}

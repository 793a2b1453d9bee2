package org.consilium.console.ui;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import org.consilium.support.KaribuSite;
import org.consilium.support.StripeIntegrationTest;
import org.consilium.support.TenantConfigBackup;
import org.consilium.support.Users;
import org.consilium.tenant.TenantId;
import org.consilium.tenant.TenantVersions;
import org.consilium.tenant.TenantVersions.StoredVersion;
import org.consilium.tenant.Tenants;
import org.consilium.tenantconfig.AssetSource;
import org.consilium.tenantconfig.ConfigProblem;
import org.consilium.tenantconfig.Role;
import org.consilium.tenantconfig.TenantConfig;
import org.consilium.tenantconfig.TenantConfigException;
import org.consilium.tenantconfig.TenantConfigLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The languages page on {@code consoleco} (English only; put back after each test):
 * adding Spanish without translating the programme's own texts is refused with the tenant
 * file's messages; with the translations, Spanish becomes the default in a new version
 * and the preview shows the footer in both languages.
 */
@StripeIntegrationTest
class LanguagesEditorViewIT {

	static final TenantId CONSOLECO = TenantId.of("consoleco");

	static final String NEEDS_TRANSLATION = "needs a translation per locale (en, es), e.g. { en: ..., es: ... }";

	@Autowired
	ApplicationContext context;

	@Autowired
	TenantVersions versions;

	@Autowired
	Tenants tenants;

	TenantConfigBackup backup;

	StoredVersion original;

	@BeforeEach
	void remember() {
		this.backup = TenantConfigBackup.take(this.versions, CONSOLECO);
		this.original = this.backup.original();
	}

	@AfterEach
	void putBack() {
		this.backup.restore();
	}

	private KaribuSite open() {
		return KaribuSite.open(this.context, CONSOLECO, Locale.ENGLISH)
			.signIn(Users.user("consoleco", "Lena", Role.TENANT_ADMIN))
			.navigate("admin/console/languages");
	}

	private static TextArea area(String id) {
		return _get(TextArea.class, (spec) -> spec.withId(id));
	}

	@Test
	@SuppressWarnings("unchecked")
	void adding_spanish_without_translations_lists_each_missing_one_and_stores_nothing() {
		try (KaribuSite site = open()) {
			CheckboxGroup<String> languages = _get(CheckboxGroup.class, (spec) -> spec.withId("console-languages"));
			assertThat(languages.getValue()).containsExactly("en");
			assertThat(_get(RadioButtonGroup.class, (spec) -> spec.withId("console-languages-default")).getValue())
				.isEqualTo("en");
			assertThat(_find(TextArea.class, (spec) -> spec.withId("console-footer-es"))).as("hidden").isEmpty();
			assertThat(_get(Paragraph.class, (spec) -> spec.withId("preview-footer-en")).getText())
				.startsWith("Consilium Second Opinion is a service of the Consilium Health Network.");

			languages.setValue(Set.of("en", "es"));

			assertThat(area("console-footer-es").isVisible()).isTrue();
			assertThat(area("console-footer-es").getErrorMessage()).isEqualTo("translation is missing");
			assertThat(area("console-yaml-workflow-requiredConsents").getErrorMessage()).contains(NEEDS_TRANSLATION);
			assertThat(area("console-yaml-workflow-intakeQuestions").getErrorMessage()).contains(NEEDS_TRANSLATION);
			assertThat(_get(Button.class, (spec) -> spec.withId("console-save")).isEnabled()).isFalse();
		}
		assertThat(this.versions.current(CONSOLECO).version()).isEqualTo(this.original.version());
		String sameFile = this.original.yaml().replace("locales: [en]", "locales: [en, es]");
		assertThat(sameFile).isNotEqualTo(this.original.yaml());
		assertThat(problemsOf(sameFile)).extracting(ConfigProblem::path, ConfigProblem::reason)
			.contains(tuple("workflow.requiredConsents[0].text", NEEDS_TRANSLATION),
					tuple("workflow.intakeQuestions.oncology[0].label", NEEDS_TRANSLATION));
	}

	@Test
	@SuppressWarnings("unchecked")
	void spanish_with_every_text_translated_becomes_the_default_in_a_new_version() {
		try (KaribuSite site = open()) {
			_get(CheckboxGroup.class, (spec) -> spec.withId("console-languages")).setValue(Set.of("en", "es"));
			_get(RadioButtonGroup.class, (spec) -> spec.withId("console-languages-default")).setValue("es");
			area("console-footer-es").setValue("Consoleco es un servicio de la red Consilium Health.");
			area("console-yaml-workflow-requiredConsents").setValue("""
					- id: telemedicine
					  version: "2026-02"
					  text:
					    en: I understand that a second opinion is based only on the records I send.
					    es: Entiendo que una segunda opinión se basa solo en los expedientes que envío.
					- id: records-release
					  version: "2026-02"
					  text:
					    en: I allow Consilium to receive my medical records.
					    es: Autorizo a Consilium a recibir mis expedientes médicos.
					""");
			area("console-yaml-workflow-intakeQuestions").setValue("""
					oncology:
					  - id: diagnosis-date
					    type: DATE
					    required: true
					    label:
					      en: When was the cancer diagnosed?
					      es: ¿Cuándo se diagnosticó el cáncer?
					""");
			assertThat(_get(H3.class, (spec) -> spec.withText("Spanish (default)"))).isNotNull();
			assertThat(_get(Paragraph.class, (spec) -> spec.withId("preview-footer-es")).getText())
				.isEqualTo("Consoleco es un servicio de la red Consilium Health.");
			assertThat(_get(Paragraph.class, (spec) -> spec.withId("preview-footer-en")).getText())
				.startsWith("Consilium Second Opinion is a service");
			Button save = _get(Button.class, (spec) -> spec.withId("console-save"));
			assertThat(save.isEnabled()).isTrue();

			_click(save);

			assertThat(this.versions.current(CONSOLECO).version()).isEqualTo(this.original.version() + 1);
			TenantConfig config = this.tenants.find(CONSOLECO).orElseThrow().config();
			assertThat(config.locales()).containsExactly(Locale.forLanguageTag("es"), Locale.ENGLISH);
			assertThat(config.branding().legalFooter().in(Locale.forLanguageTag("es")))
				.isEqualTo("Consoleco es un servicio de la red Consilium Health.");
			assertThat(config.workflow().requiredConsents().get(1).text().in(Locale.forLanguageTag("es")))
				.isEqualTo("Autorizo a Consilium a recibir mis expedientes médicos.");
		}
	}

	private List<ConfigProblem> problemsOf(String yaml) {
		return catchThrowableOfType(TenantConfigException.class, () -> new TenantConfigLoader()
			.parse("tenants/consoleco.yaml", yaml, AssetSource.of(this.original.assets()))).problems();
	}

}

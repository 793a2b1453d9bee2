package org.consilium.console.ui;

import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
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
import org.consilium.tenantconfig.LocalizedText;
import org.consilium.tenantconfig.NotificationKind;
import org.consilium.tenantconfig.NotificationTemplate;
import org.consilium.tenantconfig.Role;
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
 * The texts page on {@code consoleco} (put back after each test): intake questions,
 * consents and e-mail wording edited as YAML, judged by the tenant file's reader with its
 * messages on the area, previewed as patients and recipients see them.
 */
@StripeIntegrationTest
class TextsEditorViewIT {

	static final TenantId CONSOLECO = TenantId.of("consoleco");

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
			.signIn(Users.user("consoleco", "Tess", Role.TENANT_ADMIN))
			.navigate("admin/console/texts");
	}

	private static TextArea area(String path) {
		return _get(TextArea.class, (spec) -> spec.withId("console-yaml-" + path.replace('.', '-')));
	}

	@Test
	void the_questions_and_consents_are_shown_as_patients_see_them_and_a_reworded_consent_needs_a_new_version() {
		try (KaribuSite site = open()) {
			assertThat(area("workflow.intakeQuestions").getValue()).contains("id: diagnosis-date");
			DatePicker diagnosed = _get(DatePicker.class,
					(spec) -> spec.withId("preview-intake-oncology-diagnosis-date"));
			assertThat(diagnosed.getLabel()).isEqualTo("When was the cancer diagnosed?");
			assertThat(diagnosed.isRequiredIndicatorVisible()).isTrue();
			assertThat(_get(Paragraph.class, (spec) -> spec.withId("preview-consent-records-release")).getText())
				.startsWith("records-release (version 2026-01): I allow Consilium to receive my medical records");
			assertThat(_find(Paragraph.class, (spec) -> spec.withId("preview-consent-warning-records-release")))
				.isEmpty();

			TextArea consents = area("workflow.requiredConsents");
			consents.setValue(consents.getValue().replace("I allow Consilium", "I allow Consoleco"));

			assertThat(
					_get(Paragraph.class, (spec) -> spec.withId("preview-consent-warning-records-release")).getText())
				.isEqualTo("The text of consent records-release changed but its version is still 2026-01. "
						+ "Patients who signed the earlier text and those who sign the new one would be recorded "
						+ "under the same version; give it a new version.");
		}
	}

	@Test
	void an_unknown_placeholder_gets_the_tenant_files_message_on_the_area_and_nothing_is_stored() {
		try (KaribuSite site = open()) {
			TextArea notifications = area("notifications");
			notifications.setValue("opinion-ready:\n  subject: Your {case} is ready\n");

			assertThat(notifications.isInvalid()).isTrue();
			assertThat(notifications.getErrorMessage())
				.isEqualTo("unknown placeholder {case} (use {programme} or {name})");
			assertThat(_get(Button.class, (spec) -> spec.withId("console-save")).isEnabled()).isFalse();

			notifications.setValue("opinion-ready: [");
			assertThat(notifications.getErrorMessage()).startsWith("This is not valid YAML: ");
			assertThat(_get(Button.class, (spec) -> spec.withId("console-save")).isEnabled()).isFalse();
		}
		assertThat(this.versions.current(CONSOLECO).version()).isEqualTo(this.original.version());
		String sameFile = this.original.yaml()
				+ "\nnotifications:\n  opinion-ready:\n    subject: Your {case} is ready\n";
		assertThat(problemsOf(sameFile)).extracting(ConfigProblem::path, ConfigProblem::reason)
			.containsExactly(tuple("notifications.opinion-ready.subject.en",
					"unknown placeholder {case} (use {programme} or {name})"));
	}

	@Test
	void an_own_subject_is_saved_as_a_new_version_and_previewed_with_sample_values() {
		try (KaribuSite site = open()) {
			area("notifications")
				.setValue("opinion-ready:\n  subject: \"{programme}: your opinion is ready, {name}\"\n");
			Div mail = _get(Div.class, (spec) -> spec.withId("preview-mail-opinion-ready-en"));
			assertThat(mail.getChildren().map((child) -> child.getElement().getText()).toList()).contains(
					"Subject: Consoleco Second Opinion: your opinion is ready, Alex Sample",
					"The specialist’s written opinion for your patient is ready for you to read.",
					"Button: Read the opinion");
			Button save = _get(Button.class, (spec) -> spec.withId("console-save"));
			assertThat(save.isEnabled()).isTrue();

			_click(save);

			assertThat(this.versions.current(CONSOLECO).version()).isEqualTo(this.original.version() + 1);
			assertThat(this.tenants.find(CONSOLECO)
				.orElseThrow()
				.config()
				.notification(NotificationKind.OPINION_READY)
				.flatMap(NotificationTemplate::subject)
				.map(LocalizedText::translations))
				.contains(java.util.Map.of("en", "{programme}: your opinion is ready, {name}"));
		}
	}

	private List<ConfigProblem> problemsOf(String yaml) {
		return catchThrowableOfType(TenantConfigException.class, () -> new TenantConfigLoader()
			.parse("tenants/consoleco.yaml", yaml, AssetSource.of(this.original.assets()))).problems();
	}

}

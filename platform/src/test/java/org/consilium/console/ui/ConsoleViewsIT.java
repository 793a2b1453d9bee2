package org.consilium.console.ui;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import org.consilium.support.KaribuSite;
import org.consilium.support.StripeIntegrationTest;
import org.consilium.support.TenantConfigBackup;
import org.consilium.support.Users;
import org.consilium.tenant.TenantId;
import org.consilium.tenant.TenantVersions;
import org.consilium.tenant.TenantVersions.Origin;
import org.consilium.tenant.TenantVersions.StoredVersion;
import org.consilium.tenantconfig.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console pages on the test-only programme {@code consoleco} (put back after each
 * test): problems from the tenant files' rules appear on their fields and block saving, a
 * good change is saved as a new version and previewed, versions are diffed and imports
 * reviewed; nobody but the programme's admins gets the pages.
 */
@StripeIntegrationTest
class ConsoleViewsIT {

	static final TenantId CONSOLECO = TenantId.of("consoleco");

	@Autowired
	ApplicationContext context;

	@Autowired
	TenantVersions versions;

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

	@Test
	void branding_shows_the_files_message_on_the_colour_field_then_saves_a_readable_colour() {
		try (KaribuSite site = admin("admin/console/branding")) {
			TextField primary = _get(TextField.class, (spec) -> spec.withId("console-branding-primaryColor"));
			Button save = _get(Button.class, (spec) -> spec.withId("console-save"));
			assertThat(save.isEnabled()).as("nothing changed yet").isFalse();
			assertThat(_get(Span.class, (spec) -> spec.withId("console-primary-contrast")).getText())
				.startsWith("White text on the primary colour: 6.")
				.endsWith("This meets WCAG AA (at least 4.5:1).");

			primary.setValue("#ffd700");

			assertThat(primary.isInvalid()).isTrue();
			assertThat(primary.getErrorMessage())
				.isEqualTo("white text on #ffd700 has contrast 1.4:1; WCAG AA needs at least 4.5:1 to be readable");
			assertThat(save.isEnabled()).isFalse();

			primary.setValue("#0b5394");
			_get(TextField.class, (spec) -> spec.withId("console-displayName")).setValue("Consoleco Opinions");

			assertThat(primary.isInvalid()).isFalse();
			Div header = _get(Div.class, (spec) -> spec.withClasses("preview-header"));
			assertThat(header.getStyle().get("background")).isEqualTo("#0b5394");
			assertThat(_get(Span.class, (spec) -> spec.withId("preview-name")).getText())
				.isEqualTo("Consoleco Opinions");
			_click(save);

			assertThat(_get(Paragraph.class, (spec) -> spec.withId("console-status")).getText()).isEqualTo(
					"Saved as version " + (this.original.version() + 1) + ". Users see it on the next page they open.");
			StoredVersion saved = this.versions.current(CONSOLECO);
			assertThat(saved.version()).isEqualTo(this.original.version() + 1);
			assertThat(saved.yaml()).contains("primaryColor: \"#0b5394\"", "displayName: Consoleco Opinions");
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void workflow_shows_the_range_on_the_turnaround_field_and_previews_the_steps_patients_are_told() {
		try (KaribuSite site = admin("admin/console/workflow")) {
			IntegerField turnaround = _get(IntegerField.class,
					(spec) -> spec.withId("console-workflow-turnaroundDays"));
			turnaround.setValue(90);
			assertThat(turnaround.getErrorMessage()).isEqualTo("must be between 1 and 60");
			assertThat(_get(Button.class, (spec) -> spec.withId("console-save")).isEnabled()).isFalse();

			turnaround.setValue(15);
			RadioButtonGroup<String> approval = _get(RadioButtonGroup.class,
					(spec) -> spec.withId("console-workflow-approval"));
			approval.setValue("SECOND_READER");

			assertThat(turnaround.isInvalid()).isFalse();
			List<String> steps = _get(OrderedList.class, (spec) -> spec.withId("console-workflow-steps")).getChildren()
				.map((step) -> step.getElement().getAttribute("data-step"))
				.toList();
			assertThat(steps).contains("review-second-reader").doesNotContain("review-staff");
			assertThat(_find(ListItem.class, (spec) -> spec.withText("Operator staff approve each opinion"))).isEmpty();
			_click(_get(Button.class, (spec) -> spec.withId("console-save")));
			assertThat(this.versions.current(CONSOLECO).yaml()).contains("turnaroundDays: 15",
					"approval: SECOND_READER");
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void versions_show_who_changed_what_review_an_import_and_roll_back() {
		try (KaribuSite site = admin("admin/console/workflow")) {
			_get(IntegerField.class, (spec) -> spec.withId("console-workflow-turnaroundDays")).setValue(12);
			_get(TextField.class, (spec) -> spec.withId("console-note")).setValue("Faster");
			_click(_get(Button.class, (spec) -> spec.withId("console-save")));
			site.navigate("admin/console/versions");

			Grid<TenantVersions.ConfigVersion> grid = _get(Grid.class, (spec) -> spec.withId("console-versions"));
			assertThat(grid.getSelectedItems()).singleElement().satisfies((version) -> {
				assertThat(version.note()).isEqualTo("Faster");
				assertThat(version.createdBy()).isEqualTo("Iris <Iris@consoleco.example>");
			});
			assertThat(_get(Pre.class, (spec) -> spec.withClasses("console-diff")).getElement().getTextRecursively())
				.isEqualTo("-   turnaroundDays: 10\n+   turnaroundDays: 12\n");

			VersionsView view = _get(VersionsView.class);
			view.showImport(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0 });
			assertThat(_get(Paragraph.class, (spec) -> spec.withId("console-import-error")).getText())
				.isEqualTo("This is not a text file. Upload a tenant file (.yaml) saved as UTF-8.");
			view.showImport(this.original.yaml()
				.replace("turnaroundDays: 10", "turnaroundDays: 0")
				.getBytes(StandardCharsets.UTF_8));
			assertThat(_get(ListItem.class,
					(spec) -> spec.withText(
							"tenants/consoleco.yaml: workflow.turnaroundDays: must be between 1 and 60 (line 58)")))
				.isNotNull();
			view.showImport(this.original.yaml()
				.replace("turnaroundDays: 10", "turnaroundDays: 20")
				.getBytes(StandardCharsets.UTF_8));
			_get(TextField.class, (spec) -> spec.withId("console-import-note")).setValue("From git");
			_click(_get(Button.class, (spec) -> spec.withId("console-import-apply")));
			assertThat(this.versions.current(CONSOLECO).yaml()).contains("turnaroundDays: 20");
			assertThat(this.versions.history(CONSOLECO).get(0).origin()).isEqualTo(Origin.IMPORT);

			grid.select(grid.getListDataView()
				.getItems()
				.filter((version) -> version.version() == this.original.version())
				.findFirst()
				.orElseThrow());
			_click(_get(Button.class, (spec) -> spec.withId("console-roll-back")));
			_click(_get(Button.class, (spec) -> spec.withId("console-roll-back-confirm")));
			assertThat(this.versions.current(CONSOLECO).yaml()).isEqualTo(this.original.yaml());
			assertThat(this.versions.history(CONSOLECO).get(0).origin()).isEqualTo(Origin.ROLLBACK);
		}
	}

	@Test
	void a_patient_and_the_operator_site_have_no_console() {
		try (KaribuSite site = KaribuSite.open(this.context, CONSOLECO, Locale.ENGLISH)
			.signIn(Users.user("consoleco", "console-patient", Role.PATIENT))
			.navigate("login")
			.navigate("admin/console/branding")) {
			assertThat(_find(Div.class, (spec) -> spec.withId("not-found"))).hasSize(1);
			assertThat(_find(TextField.class, (spec) -> spec.withId("console-branding-primaryColor"))).isEmpty();
		}
		try (KaribuSite site = KaribuSite.open(this.context, null, Locale.ENGLISH)
			.signIn(Users.operator("console-operator", Role.PLATFORM_ADMIN))
			.navigate("admin/console/versions")) {
			assertThat(_find(Div.class, (spec) -> spec.withId("not-found"))).hasSize(1);
		}
	}

	private KaribuSite admin(String location) {
		return KaribuSite.open(this.context, CONSOLECO, Locale.ENGLISH)
			.signIn(Users.user("consoleco", "Iris", Role.TENANT_ADMIN))
			.navigate("login")
			.navigate(location);
	}

}

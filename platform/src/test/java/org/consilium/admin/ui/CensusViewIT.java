package org.consilium.admin.ui;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.upload.Upload;
import org.consilium.identity.CensusImports.Mapping;
import org.consilium.identity.CensusImports.Mode;
import org.consilium.identity.ConsiliumUser;
import org.consilium.support.IntegrationTest;
import org.consilium.support.KaribuSite;
import org.consilium.support.TestDatabase;
import org.consilium.support.Users;
import org.consilium.tenant.TenantId;
import org.consilium.tenantconfig.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.UploadKt._upload;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The census page in Karibu: globex's admin uploads a file, finds the columns chosen from
 * their names, sees each bad row with its line, column and reason and the counts, may
 * apply only after choosing to skip bad rows, confirms, and the census holds the good
 * rows. By URL, a patient and the operator site get "not found", and acme's admin (no
 * census there) an explanation instead of the upload.
 */
@IntegrationTest
class CensusViewIT {

	static final TenantId GLOBEX = TenantId.of("globex");

	static final ConsiliumUser ADMIN = Users.user("globex", "census-view-admin", Role.TENANT_ADMIN);

	@Autowired
	ApplicationContext context;

	final JdbcTemplate admin = TestDatabase.get().adminJdbc();

	List<Map<String, Object>> before;

	@BeforeEach
	void rememberTheCensus() {
		this.before = this.admin
			.queryForList("select employee_id, last_name, date_of_birth from census_entry where tenant_id = 'globex'");
	}

	@AfterEach
	void putTheCensusBack() {
		this.admin.update("delete from census_entry where tenant_id = 'globex'");
		this.admin.batchUpdate(
				"insert into census_entry (tenant_id, employee_id, last_name, date_of_birth) "
						+ "values ('globex', ?, ?, ?)",
				this.before.stream()
					.map((row) -> new Object[] { row.get("employee_id"), row.get("last_name"),
							row.get("date_of_birth") })
					.toList());
	}

	@Test
	@SuppressWarnings("unchecked")
	void the_admin_uploads_maps_previews_the_bad_rows_and_applies_the_good_ones() {
		String file = "Employee number;Surname;Birth date\r\n" // 1
				+ "CV-1;Uno;1980-01-01\r\n" // 2
				+ "CV-2;Dos;1981-02-02\r\n" // 3
				+ "CV-3;Tres;03/03/1982\r\n" // 4
				+ "CV-1;Otra;1990-01-01\r\n"; // 5
		try (KaribuSite site = KaribuSite.open(this.context, GLOBEX, Locale.ENGLISH)
			.signIn(ADMIN)
			.navigate("login")
			.navigate("admin/census")) {
			assertThat(_find(Anchor.class, (spec) -> spec.withText("Census"))).as("navigation entry").hasSize(1);
			assertThat(_get(Paragraph.class, (spec) -> spec.withId("census-intro")).getText()).contains("yyyy-MM-dd");
			_upload(_get(Upload.class, (spec) -> spec.withId("census-file")), "employees.csv",
					file.getBytes(StandardCharsets.UTF_8));
			MockVaadin.clientRoundtrip();
			assertThat(
					_get(Div.class, (spec) -> spec.withId("census-upload-messages")).getElement().getTextRecursively())
				.isEqualTo("Received employees.csv, with 3 columns.");
			assertThat(_get(ComboBox.class, (spec) -> spec.withId("census-employee-id")).getValue()).isEqualTo(0);
			assertThat(_get(ComboBox.class, (spec) -> spec.withId("census-last-name")).getValue()).isEqualTo(1);
			assertThat(_get(ComboBox.class, (spec) -> spec.withId("census-date-of-birth")).getValue()).isEqualTo(2);

			_click(_get(Button.class, (spec) -> spec.withId("census-check")));
			assertThat(text("census-rows")).isEqualTo("4 rows: 2 valid, 2 invalid.");
			assertThat(text("census-effect"))
				.isEqualTo("Applying it now would add 2, update 0, remove 0 and leave 0 unchanged.");
			assertThat(text("census-verdict")).startsWith("Nothing can be applied while the file has invalid rows.");
			Grid<?> errors = _get(Grid.class, (spec) -> spec.withId("census-errors"));
			assertThat(_size(errors)).isEqualTo(2);
			assertThat(_getFormattedRow(errors, 0)).containsExactly("4", "Birth date",
					"The date of birth is not written as yyyy-MM-dd (for example 1985-03-14).");
			assertThat(_getFormattedRow(errors, 1)).containsExactly("5", "Employee number",
					"The same employee id is already on line 2.");
			Button apply = _get(Button.class, (spec) -> spec.withId("census-apply"));
			assertThat(apply.isEnabled()).as("refused while rows are invalid").isFalse();

			((RadioButtonGroup<Mode>) _get(RadioButtonGroup.class, (spec) -> spec.withId("census-mode")))
				.setValue(Mode.REPLACE);
			assertThat(text("census-effect"))
				.startsWith("Applying it now would add 2, update 0, remove " + this.before.size());
			((RadioButtonGroup<Mode>) _get(RadioButtonGroup.class, (spec) -> spec.withId("census-mode")))
				.setValue(Mode.MERGE);
			_get(Checkbox.class, (spec) -> spec.withId("census-skip-invalid")).setValue(true);
			assertThat(text("census-verdict")).isEqualTo("The 2 invalid rows will be left out.");
			_click(apply);
			assertThat(text("census-confirm-text"))
				.isEqualTo("Merge employees.csv into the census: 2 added, 0 updated, 0 unchanged.");
			_click(_get(Button.class, (spec) -> spec.withId("census-confirm")));
			assertThat(text("census-result")).isEqualTo(
					"The file was merged into the census: 2 added, 0 updated, 0 unchanged; 2 invalid rows skipped.");
			assertThat(text("census-size"))
				.isEqualTo("The census lists " + (this.before.size() + 2) + " employees now.");
			assertThat(_find(Div.class, (spec) -> spec.withId("census-mapping"))).as("no mapping step").isEmpty();
		}
		assertThat(this.admin.queryForList("select employee_id || ' ' || last_name from census_entry "
				+ "where tenant_id = 'globex' and employee_id like 'CV-%'", String.class))
			.containsExactlyInAnyOrder("CV-1 Uno", "CV-2 Dos");
	}

	@Test
	void a_file_that_is_not_text_is_refused_with_a_reason() {
		try (KaribuSite site = KaribuSite.open(this.context, GLOBEX, Locale.ENGLISH)
			.signIn(ADMIN)
			.navigate("admin/census")) {
			byte[] png = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, (byte) 0xff, (byte) 0xfe };
			_upload(_get(Upload.class, (spec) -> spec.withId("census-file")), "employees.csv", png);
			MockVaadin.clientRoundtrip();
			assertThat(
					_get(Div.class, (spec) -> spec.withId("census-upload-messages")).getElement().getTextRecursively())
				.isEqualTo("employees.csv cannot be used: The file is not UTF-8 text. "
						+ "If it is a spreadsheet, save it as “CSV UTF-8” first.");
			assertThat(_find(Div.class, (spec) -> spec.withId("census-mapping"))).as("no mapping step").isEmpty();
		}
	}

	@Test
	void a_patient_and_the_operator_site_do_not_get_the_page_and_acme_is_told_it_has_no_census() {
		try (KaribuSite site = KaribuSite.open(this.context, GLOBEX, Locale.ENGLISH)
			.signIn(Users.user("globex", "census-view-patient", Role.PATIENT))
			.navigate("login")
			.navigate("admin/census")) {
			assertThat(_find(Div.class, (spec) -> spec.withId("not-found"))).hasSize(1);
			assertThat(_find(Upload.class)).isEmpty();
			assertThat(_find(Anchor.class, (spec) -> spec.withText("Census"))).isEmpty();
		}
		try (KaribuSite site = KaribuSite.open(this.context, null, Locale.ENGLISH)
			.signIn(Users.operator("census-view-operator", Role.PLATFORM_ADMIN))
			.navigate("admin/census")) {
			assertThat(_find(Div.class, (spec) -> spec.withId("not-found"))).hasSize(1);
		}
		try (KaribuSite site = KaribuSite.open(this.context, TenantId.of("acme"), Locale.ENGLISH)
			.signIn(Users.user("acme", "census-view-admin", Role.TENANT_ADMIN))
			.navigate("login")
			.navigate("admin/census")) {
			assertThat(text("census-not-used")).startsWith("This programme does not check eligibility");
			assertThat(_find(Upload.class)).isEmpty();
			assertThat(_find(Anchor.class, (spec) -> spec.withText("Census"))).as("no navigation entry").isEmpty();
		}
	}

	@Test
	void columns_are_recognised_by_their_names_in_english_and_spanish() {
		assertThat(CensusView.guess(List.of("Date of birth", "Last name", "Employee ID")))
			.isEqualTo(new Mapping(2, 1, 0));
		assertThat(CensusView.guess(List.of("Número de empleado", "Apellido", "Fecha de nacimiento")))
			.isEqualTo(new Mapping(0, 1, 2));
		assertThat(CensusView.guess(List.of("a", "b"))).isEqualTo(new Mapping(-1, -1, -1));
	}

	private static String text(String id) {
		return _get(Paragraph.class, (spec) -> spec.withId(id)).getText();
	}

}

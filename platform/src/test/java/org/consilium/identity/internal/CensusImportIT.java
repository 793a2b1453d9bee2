package org.consilium.identity.internal;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.vaadin.flow.component.html.Paragraph;
import org.consilium.audit.AuditLog;
import org.consilium.audit.AuditRecord;
import org.consilium.cases.CaseRequestProblems;
import org.consilium.cases.Cases;
import org.consilium.identity.CensusImportException;
import org.consilium.identity.CensusImports;
import org.consilium.identity.CensusImports.Analysis;
import org.consilium.identity.CensusImports.Applied;
import org.consilium.identity.CensusImports.Effect;
import org.consilium.identity.CensusImports.Mapping;
import org.consilium.identity.CensusImports.Mode;
import org.consilium.identity.CensusImports.RowError;
import org.consilium.identity.ConsiliumUser;
import org.consilium.identity.Demographics;
import org.consilium.identity.PatientProfiles;
import org.consilium.support.IntegrationTest;
import org.consilium.support.KaribuSite;
import org.consilium.support.TestDatabase;
import org.consilium.support.Users;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.TenantId;
import org.consilium.tenantconfig.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Census imports on globex, checked in the database: a good file merged then replaced
 * (the counts shown before are the counts applied), a bad file with every problem on its
 * line and nothing applied, a mixed file refused unless bad rows are skipped, the audit
 * entry (counts, never employees), acme's census untouched, and a patient the census no
 * longer lists who cannot submit a case and is told why. Globex's census (the demo rows
 * other tests use) is put back as it was after each test.
 */
@IntegrationTest
class CensusImportIT {

	static final TenantId GLOBEX = TenantId.of("globex");

	static final ConsiliumUser ADMIN = Users.user("globex", "census-admin", Role.TENANT_ADMIN);

	static final Mapping COLUMNS = new Mapping(0, 1, 2);

	@Autowired
	CensusImports imports;

	@Autowired
	AuditLog audit;

	@Autowired
	PatientProfiles profiles;

	@Autowired
	Cases cases;

	@Autowired
	ApplicationContext context;

	final JdbcTemplate admin = TestDatabase.get().adminJdbc();

	List<Map<String, Object>> before;

	@BeforeEach
	void rememberTheCensus() {
		this.before = this.admin
			.queryForList("select employee_id, last_name, date_of_birth from census_entry where tenant_id = 'globex'");
		this.admin.update("insert into census_entry (tenant_id, employee_id, last_name, date_of_birth) "
				+ "values ('acme', 'CI-ACME-1', 'Other', '1970-01-01') on conflict do nothing");
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
		this.admin.update("delete from census_entry where tenant_id = 'acme' and employee_id = 'CI-ACME-1'");
	}

	@Test
	void a_good_file_is_merged_then_replaced_with_the_counts_shown_before_applying() {
		long existing = this.before.size();
		String good = "Employee ID,Last name,Date of birth\r\nCI-1,Alpha,1980-01-01\r\nCI-2,Beta,1981-02-02\r\n"
				+ "G-1001,Hernández,1985-03-14\r\n";
		Analysis analysis = asAdmin(() -> this.imports.analyse(csv(good), COLUMNS));
		assertThat(analysis.columns()).containsExactly("Employee ID", "Last name", "Date of birth");
		assertThat(analysis.rows()).isEqualTo(3);
		assertThat(analysis.validRows()).isEqualTo(3);
		assertThat(analysis.invalidRows()).isZero();
		assertThat(analysis.errors()).isEmpty();
		assertThat(analysis.merge()).isEqualTo(new Effect(2, 0, 0, 1));
		assertThat(analysis.replace()).isEqualTo(new Effect(2, 0, existing - 1, 1));
		assertThat(globex()).as("analysis changes nothing").hasSize((int) existing);

		Applied merged = asAdmin(() -> this.imports.apply(csv(good), COLUMNS, Mode.MERGE, false));
		assertThat(merged.effect()).isEqualTo(analysis.merge());
		assertThat(globex()).hasSize((int) existing + 2).contains("CI-1 Alpha 1980-01-01", "CI-2 Beta 1981-02-02");

		String next = "Employee ID,Last name,Date of birth\nCI-1,Alpha-Changed,1980-01-01\nCI-3,Gamma,1982-03-03\n"
				+ "G-1001,Hernández,1985-03-14\n";
		Analysis replace = asAdmin(() -> this.imports.analyse(csv(next), COLUMNS));
		assertThat(replace.replace()).isEqualTo(new Effect(1, 1, existing, 1));
		Applied replaced = asAdmin(() -> this.imports.apply(csv(next), COLUMNS, Mode.REPLACE, false));
		assertThat(replaced.effect()).isEqualTo(replace.replace());
		assertThat(globex()).containsExactlyInAnyOrder("CI-1 Alpha-Changed 1980-01-01", "CI-3 Gamma 1982-03-03",
				"G-1001 Hernández 1985-03-14");
		assertThat(this.admin.queryForObject(
				"select count(*) from census_entry where tenant_id = 'acme' and employee_id = 'CI-ACME-1'", Long.class))
			.as("another programme's census is untouched by a replace")
			.isEqualTo(1);
		assertThat(asAdmin(() -> this.imports.size())).isEqualTo(3);
	}

	@Test
	void a_bad_file_lists_every_problem_on_its_line_and_nothing_is_applied() {
		String bad = "id;surname;dob\n" // 1
				+ ";Alpha;1980-01-01\n" // 2: no employee id
				+ "CI-5;;1980-01-01\n" // 3: no last name
				+ "CI-6;Gamma;14/03/1985\n" // 4: not ISO
				+ "\n" // 5: blank, skipped
				+ "CI-7;Delta;2099-01-01\n" // 6: future
				+ "CI-8;" + "x".repeat(121) + ";1980-01-01\n" // 7: too long
				+ "CI-9;Eta;\n" // 8: no date
				+ "CI-10;Theta;1899-12-31\n" // 9: too early
				+ "CI-11;Iota;1980-02-30\n"; // 10: no such day
		Analysis analysis = asAdmin(() -> this.imports.analyse(csv(bad), COLUMNS));
		assertThat(analysis.rows()).isEqualTo(8);
		assertThat(analysis.validRows()).isZero();
		assertThat(analysis.invalidRows()).isEqualTo(8);
		assertThat(analysis.errors()).containsExactly(
				new RowError(2, "id", "census.row.employee-id-missing", List.of()),
				new RowError(3, "surname", "census.row.last-name-missing", List.of()),
				new RowError(4, "dob", "census.row.date-of-birth-format", List.of("yyyy-MM-dd")),
				new RowError(6, "dob", "census.row.date-of-birth-future", List.of()),
				new RowError(7, "surname", "census.row.too-long", List.of("120")),
				new RowError(8, "dob", "census.row.date-of-birth-missing", List.of("yyyy-MM-dd")),
				new RowError(9, "dob", "census.row.date-of-birth-too-early", List.of()),
				new RowError(10, "dob", "census.row.date-of-birth-format", List.of("yyyy-MM-dd")));
		assertThatThrownBy(() -> asAdmin(() -> this.imports.apply(csv(bad), COLUMNS, Mode.REPLACE, false)))
			.isInstanceOf(CensusImportException.class)
			.extracting("messageKey", "args")
			.containsExactly("census.error.invalid-rows", List.of("8"));
		assertThat(globex()).hasSize(this.before.size()).noneMatch((row) -> row.startsWith("CI-"));
	}

	@Test
	void a_mixed_file_is_refused_unless_bad_rows_are_skipped_and_the_import_is_audited_by_counts() {
		String mixed = "Employee ID,Last name,Date of birth\n" // 1
				+ "CI-20,Good,1980-01-01\n" // 2
				+ "CI-21,\"Good, Too\",1981-01-01\n" // 3
				+ "CI-22,Bad,1981-13-01\n" // 4
				+ "CI-20,Again,1990-01-01\n"; // 5: repeats line 2
		Analysis analysis = asAdmin(() -> this.imports.analyse(csv(mixed), COLUMNS));
		assertThat(analysis.validRows()).isEqualTo(2);
		assertThat(analysis.invalidRows()).isEqualTo(2);
		assertThat(analysis.errors()).containsExactly(
				new RowError(4, "Date of birth", "census.row.date-of-birth-format", List.of("yyyy-MM-dd")),
				new RowError(5, "Employee ID", "census.row.duplicate", List.of("2")));
		assertThat(analysis.merge()).isEqualTo(new Effect(2, 0, 0, 0));
		assertThatThrownBy(() -> asAdmin(() -> this.imports.apply(csv(mixed), COLUMNS, Mode.MERGE, false)))
			.isInstanceOf(CensusImportException.class)
			.extracting("messageKey")
			.isEqualTo("census.error.invalid-rows");
		assertThat(globex()).noneMatch((row) -> row.startsWith("CI-"));

		Applied applied = asAdmin(() -> this.imports.apply(csv(mixed), COLUMNS, Mode.MERGE, true));
		assertThat(applied.skippedRows()).isEqualTo(2);
		assertThat(applied.effect()).isEqualTo(new Effect(2, 0, 0, 0));
		assertThat(globex().stream().filter((row) -> row.startsWith("CI-")))
			.containsExactlyInAnyOrder("CI-20 Good 1980-01-01", "CI-21 Good, Too 1981-01-01");
		AuditRecord entry = TenantContext.callAs(GLOBEX, () -> this.audit.recent(10))
			.stream()
			.filter((record) -> record.action().equals("CENSUS_IMPORTED"))
			.findFirst()
			.orElseThrow();
		assertThat(entry.details()).isEqualTo("mode=MERGE added=2 updated=0 removed=0 unchanged=0 skipped=2");
		assertThat(entry.actor()).isEqualTo(ADMIN.username());
	}

	@Test
	void a_patient_the_census_no_longer_lists_cannot_submit_a_case_and_is_told_why() {
		ConsiliumUser patient = Users.user("globex", "census-leaver", Role.PATIENT);
		asAdmin(() -> this.imports.apply(csv("employee,last name,birth\nCI-P1,Leaver,1980-05-17\n"), COLUMNS,
				Mode.MERGE, false));
		Demographics details = new Demographics("Carla Leaver", LocalDate.of(1980, 5, 17), Demographics.Sex.FEMALE,
				"1 Main Street", "Monterrey", "NL", "64000", "MX", "+52 81 5555 0100", "en", "CI-P1");
		assertThat(TenantContext.callAs(GLOBEX, () -> Users.as(patient, () -> this.profiles.saveOwn(details))))
			.isEmpty();
		assertThat(TenantContext.callAs(GLOBEX, () -> this.profiles.eligible(patient.id()))).isTrue();

		// The employer's next census leaves her out.
		asAdmin(() -> this.imports.apply(csv("employee,last name,birth\nG-1001,Hernández,1985-03-14\n"), COLUMNS,
				Mode.REPLACE, false));
		assertThat(TenantContext.callAs(GLOBEX, () -> this.profiles.eligible(patient.id()))).isFalse();
		assertThatThrownBy(() -> TenantContext.callAs(GLOBEX, () -> Users.as(patient, () -> {
			var draft = this.cases.openDraft("cardiology", "Is surgery needed?");
			return this.cases.submit(draft.id(), List.of());
		}))).isInstanceOfSatisfying(CaseRequestProblems.class, (ex) -> assertThat(ex.problems())
			.containsEntry(CaseRequestProblems.ELIGIBILITY, List.of("case.error.not-eligible")));
		try (KaribuSite site = KaribuSite.open(this.context, GLOBEX, Locale.ENGLISH)
			.signIn(patient)
			.navigate("cases")) {
			assertThat(_get(Paragraph.class, (spec) -> spec.withId("not-eligible")).getText())
				.startsWith("Your employer’s list of eligible employees no longer includes you.");
		}
		try (KaribuSite site = KaribuSite.open(this.context, GLOBEX, Locale.ENGLISH).signIn(patient).navigate("")) {
			assertThat(_get(Paragraph.class, (spec) -> spec.withId("not-eligible")).getText()).as("where sign-in lands")
				.startsWith("Your employer’s list of eligible employees no longer includes you.");
		}
		try (KaribuSite site = KaribuSite.open(this.context, GLOBEX, Locale.ENGLISH)
			.signIn(patient)
			.navigate("cases/new")) {
			assertThat(_get(Paragraph.class, (spec) -> spec.withId("not-eligible")).isVisible()).isTrue();
		}
	}

	@Test
	void a_census_of_a_hundred_thousand_employees_is_analysed_without_holding_it_in_memory() {
		InputStream file = new java.io.SequenceInputStream(csv("Employee ID,Last name,Date of birth\n"),
				new InputStream() {

					private int row;

					private byte[] line = new byte[0];

					private int at;

					@Override
					public int read() {
						if (this.at == this.line.length) {
							if (this.row == 100_000) {
								return -1;
							}
							this.row++;
							this.line = ("CI-BIG-" + this.row + ",Name" + this.row + ",1980-01-01\n")
								.getBytes(StandardCharsets.UTF_8);
							this.at = 0;
						}
						return this.line[this.at++];
					}

				});
		long started = System.nanoTime();
		Analysis analysis = asAdmin(() -> this.imports.analyse(file, COLUMNS));
		long seconds = (System.nanoTime() - started) / 1_000_000_000;
		assertThat(analysis.rows()).isEqualTo(100_000);
		assertThat(analysis.invalidRows()).isZero();
		assertThat(analysis.merge()).isEqualTo(new Effect(100_000, 0, 0, 0));
		assertThat(analysis.replace().removed()).isEqualTo(this.before.size());
		assertThat(seconds).as("seconds to analyse 100 000 rows").isLessThan(60);
		assertThat(globex()).as("analysis changes nothing").hasSize(this.before.size());
	}

	/** Globex's census as "id last-name date" lines, read past row-level security. */
	private List<String> globex() {
		return this.admin.queryForList("select employee_id || ' ' || last_name || ' ' || date_of_birth "
				+ "from census_entry where tenant_id = 'globex'", String.class);
	}

	private static <T> T asAdmin(java.util.function.Supplier<T> work) {
		return TenantContext.callAs(GLOBEX, () -> Users.as(ADMIN, work));
	}

	static InputStream csv(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
	}

}

package org.consilium.identity.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.consilium.audit.AuditEntry;
import org.consilium.audit.AuditLog;
import org.consilium.identity.CensusImportException;
import org.consilium.identity.CensusImports;
import org.consilium.identity.ConsiliumUser;
import org.consilium.identity.CurrentUser;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.TenantId;
import org.consilium.tenant.Tenants;
import org.consilium.tenantconfig.Workflow;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Census imports: the file is read as a stream, each row checked in Java, the good rows
 * written in batches to a transaction-local staging table; duplicates, the effect of each
 * mode and the change itself are then set-based SQL against {@code census_entry}, which
 * row-level security limits to the current tenant. Analysis rolls back; apply commits in
 * the same one transaction as its audit entry. (docs/decisions/021-census-import.md)
 */
@Service
class CensusImportService implements CensusImports {

	static final int BATCH = 1000;

	/** First key of the per-tenant advisory lock that serialises imports. */
	private static final int LOCK = 0x63656e73;

	private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd")
		.withResolverStyle(ResolverStyle.STRICT);

	private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final Tenants tenants;

	private final AuditLog audit;

	private final Clock clock;

	CensusImportService(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Tenants tenants,
			AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.tenants = tenants;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	@PreAuthorize("hasRole('TENANT_ADMIN')")
	public List<String> columns(InputStream csv) {
		ownCensusTenant();
		try (CensusCsv file = new CensusCsv(csv, MAX_BYTES)) {
			return file.header().fields();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	@PreAuthorize("hasRole('TENANT_ADMIN')")
	public Analysis analyse(InputStream csv, Mapping mapping) {
		TenantId tenant = ownCensusTenant();
		return TenantContext.callAs(tenant, () -> this.transactions.execute((status) -> {
			Staged staged = stage(csv, mapping);
			Analysis analysis = new Analysis(staged.columns(), staged.rows(), staged.rows() - staged.invalidRows(),
					staged.invalidRows(), staged.errorCount(), staged.errors(), effect(Mode.MERGE),
					effect(Mode.REPLACE));
			status.setRollbackOnly();
			return analysis;
		}));
	}

	@Override
	@PreAuthorize("hasRole('TENANT_ADMIN')")
	public Applied apply(InputStream csv, Mapping mapping, Mode mode, boolean skipInvalidRows) {
		TenantId tenant = ownCensusTenant();
		return TenantContext.callAs(tenant, () -> this.transactions.execute((status) -> {
			Staged staged = stage(csv, mapping);
			if (staged.invalidRows() > 0 && !skipInvalidRows) {
				throw new CensusImportException("census.error.invalid-rows", staged.invalidRows());
			}
			// One import at a time per programme: the counts below are then exactly what
			// this import changes.
			this.jdbc.query("select pg_advisory_xact_lock(?, hashtext(current_setting('app.tenant_id')))",
					(ResultSetExtractor<Void>) (rs) -> null, LOCK);
			Effect effect = effect(mode);
			this.jdbc.update("insert into census_entry (tenant_id, employee_id, last_name, date_of_birth) "
					+ "select current_setting('app.tenant_id'), employee_id, last_name, date_of_birth "
					+ "from census_staging on conflict (tenant_id, employee_id) do update "
					+ "set last_name = excluded.last_name, date_of_birth = excluded.date_of_birth "
					+ "where census_entry.last_name is distinct from excluded.last_name "
					+ "or census_entry.date_of_birth is distinct from excluded.date_of_birth");
			if (mode == Mode.REPLACE) {
				this.jdbc.update("delete from census_entry c where c.tenant_id = current_setting('app.tenant_id') "
						+ "and not exists (select 1 from census_staging s where s.employee_id = c.employee_id)");
			}
			// Counts only: the audit log never holds the employees themselves.
			this.audit.record(AuditEntry.of("CENSUS_IMPORTED")
				.details("mode=%s added=%d updated=%d removed=%d unchanged=%d skipped=%d".formatted(mode,
						effect.added(), effect.updated(), effect.removed(), effect.unchanged(), staged.invalidRows())));
			return new Applied(mode, effect, staged.invalidRows());
		}));
	}

	@Override
	@PreAuthorize("hasRole('TENANT_ADMIN')")
	public long size() {
		TenantId tenant = ownCensusTenant();
		return TenantContext.callAs(tenant, () -> this.transactions
			.execute((status) -> this.jdbc.queryForObject("select count(*) from census_entry", Long.class)));
	}

	/**
	 * The admin's own programme, which must be the site's and must use a census.
	 * @throws AccessDeniedException for anyone else's programme
	 */
	private TenantId ownCensusTenant() {
		TenantId site = TenantContext.current();
		ConsiliumUser user = CurrentUser.require();
		if (!user.tenant().equals(Optional.of(site))) {
			throw new AccessDeniedException("A tenant admin manages only their own programme's census");
		}
		if (this.tenants.current().config().workflow().eligibility() != Workflow.Eligibility.CENSUS) {
			throw new CensusImportException("census.error.not-census");
		}
		return site;
	}

	/**
	 * Reads the whole file into {@code census_staging} (dropped at the end of the
	 * transaction): good rows in batches, bad ones counted and the first listed; then
	 * repeated employee ids are found and taken out in SQL.
	 */
	private Staged stage(InputStream csv, Mapping mapping) {
		this.jdbc.execute("create temporary table census_staging (line bigint not null, "
				+ "employee_id varchar(120) not null, last_name varchar(120) not null, "
				+ "date_of_birth date not null) on commit drop");
		Errors errors = new Errors();
		List<String> columns;
		long rows = 0;
		long invalid = 0;
		try (CensusCsv file = new CensusCsv(csv, MAX_BYTES)) {
			columns = file.header().fields();
			if (mapping == null || !mapping.isValid(columns.size())) {
				throw new CensusImportException("census.error.mapping");
			}
			LocalDate today = LocalDate
				.now(this.clock.withZone(this.tenants.current().config().branding().businessHours().timeZone()));
			List<Object[]> batch = new ArrayList<>(BATCH);
			for (Optional<CensusCsv.Row> next = file.next(); next.isPresent(); next = file.next()) {
				CensusCsv.Row row = next.get();
				rows++;
				if (rows > MAX_ROWS) {
					throw new CensusImportException("census.error.too-many-rows", MAX_ROWS);
				}
				Object[] values = check(row, mapping, columns, today, errors);
				if (values == null) {
					invalid++;
					continue;
				}
				batch.add(values);
				if (batch.size() == BATCH) {
					insert(batch);
				}
			}
			insert(batch);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.jdbc.execute("create index on census_staging (employee_id, line)");
		this.jdbc.execute("analyze census_staging");
		String repeats = "from census_staging s join (select employee_id, min(line) as first_line "
				+ "from census_staging group by employee_id having count(*) > 1) f using (employee_id) "
				+ "where s.line > f.first_line";
		long duplicates = this.jdbc.queryForObject("select count(*) " + repeats, Long.class);
		if (duplicates > 0) {
			String column = columns.get(mapping.employeeId());
			this.jdbc.query("select s.line, f.first_line " + repeats + " order by s.line limit " + MAX_ERRORS_LISTED,
					(rs) -> {
						errors.add(new RowError(rs.getLong(1), column, "census.row.duplicate",
								List.of(String.valueOf(rs.getLong(2)))));
					});
			errors.count += duplicates - Math.min(duplicates, MAX_ERRORS_LISTED);
			this.jdbc.update("delete from census_staging s using census_staging t "
					+ "where t.employee_id = s.employee_id and t.line < s.line");
		}
		return new Staged(columns, rows, invalid + duplicates, errors.count, errors.sorted());
	}

	/** The row's values for the staging table, or null (and its errors noted). */
	private static Object[] check(CensusCsv.Row row, Mapping mapping, List<String> columns, LocalDate today,
			Errors errors) {
		long line = row.line();
		boolean ok = true;
		String employeeId = row.field(mapping.employeeId()).strip();
		String lastName = row.field(mapping.lastName()).strip();
		String born = row.field(mapping.dateOfBirth()).strip();
		if (employeeId.isEmpty()) {
			ok = errors.add(
					new RowError(line, columns.get(mapping.employeeId()), "census.row.employee-id-missing", List.of()));
		}
		else if (employeeId.length() > MAX_VALUE_LENGTH) {
			ok = errors.add(new RowError(line, columns.get(mapping.employeeId()), "census.row.too-long",
					List.of(String.valueOf(MAX_VALUE_LENGTH))));
		}
		if (lastName.isEmpty()) {
			ok = errors
				.add(new RowError(line, columns.get(mapping.lastName()), "census.row.last-name-missing", List.of()));
		}
		else if (lastName.length() > MAX_VALUE_LENGTH) {
			ok = errors.add(new RowError(line, columns.get(mapping.lastName()), "census.row.too-long",
					List.of(String.valueOf(MAX_VALUE_LENGTH))));
		}
		LocalDate dateOfBirth = null;
		String dateColumn = columns.get(mapping.dateOfBirth());
		if (born.isEmpty()) {
			ok = errors.add(new RowError(line, dateColumn, "census.row.date-of-birth-missing", List.of(DATE_FORMAT)));
		}
		else {
			try {
				dateOfBirth = LocalDate.parse(born, ISO);
				if (dateOfBirth.isAfter(today)) {
					ok = errors.add(new RowError(line, dateColumn, "census.row.date-of-birth-future", List.of()));
				}
				else if (dateOfBirth.isBefore(EARLIEST)) {
					ok = errors.add(new RowError(line, dateColumn, "census.row.date-of-birth-too-early", List.of()));
				}
			}
			catch (DateTimeParseException ex) {
				ok = errors
					.add(new RowError(line, dateColumn, "census.row.date-of-birth-format", List.of(DATE_FORMAT)));
			}
		}
		return ok ? new Object[] { line, employeeId, lastName, dateOfBirth } : null;
	}

	private void insert(List<Object[]> batch) {
		if (!batch.isEmpty()) {
			this.jdbc.batchUpdate(
					"insert into census_staging (line, employee_id, last_name, date_of_birth) values (?, ?, ?, ?)",
					batch);
			batch.clear();
		}
	}

	/** What applying the staged rows in this mode changes in the current census. */
	private Effect effect(Mode mode) {
		Effect effect = this.jdbc.queryForObject(
				"select " + "count(*) filter (where c.employee_id is null), "
						+ "count(*) filter (where c.employee_id is not null "
						+ "and (c.last_name <> s.last_name or c.date_of_birth <> s.date_of_birth)), "
						+ "count(*) filter (where c.last_name = s.last_name and c.date_of_birth = s.date_of_birth) "
						+ "from census_staging s left join census_entry c "
						+ "on c.tenant_id = current_setting('app.tenant_id') and c.employee_id = s.employee_id",
				(rs, n) -> new Effect(rs.getLong(1), rs.getLong(2), 0, rs.getLong(3)));
		if (mode == Mode.MERGE) {
			return effect;
		}
		long removed = this.jdbc.queryForObject(
				"select count(*) from census_entry c " + "where c.tenant_id = current_setting('app.tenant_id') "
						+ "and not exists (select 1 from census_staging s where s.employee_id = c.employee_id)",
				Long.class);
		return new Effect(effect.added(), effect.updated(), removed, effect.unchanged());
	}

	private record Staged(List<String> columns, long rows, long invalidRows, long errorCount, List<RowError> errors) {

	}

	/** The first errors, and how many there were in all. */
	private static final class Errors {

		private final List<RowError> listed = new ArrayList<>();

		private long count;

		/**
		 * Notes an error; returns false, so a check can say {@code ok = errors.add(..)}.
		 */
		boolean add(RowError error) {
			this.count++;
			if (this.listed.size() < MAX_ERRORS_LISTED) {
				this.listed.add(error);
			}
			return false;
		}

		List<RowError> sorted() {
			return this.listed.stream()
				.sorted(Comparator.comparingLong(RowError::line))
				.limit(MAX_ERRORS_LISTED)
				.toList();
		}

	}

}

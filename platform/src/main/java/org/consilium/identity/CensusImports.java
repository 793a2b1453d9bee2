package org.consilium.identity;

import java.io.InputStream;
import java.util.List;

/**
 * The tenant admin's census upload, on their own programme only: read a CSV file's
 * columns, analyse it against the current census (every bad row with its line, and what
 * replacing or merging would change), then apply it in one transaction. Apply reads and
 * checks the file again; it never trusts an earlier analysis.
 * (docs/decisions/021-census-import.md)
 */
public interface CensusImports {

	/** The largest file accepted. */
	long MAX_BYTES = 32L * 1024 * 1024;

	/** The most data rows accepted. */
	int MAX_ROWS = 200_000;

	/** The most row errors an analysis lists (all are counted). */
	int MAX_ERRORS_LISTED = 1000;

	/** The longest employee id or last name (the census columns' width). */
	int MAX_VALUE_LENGTH = 120;

	/** The one date format accepted, as shown to admins. */
	String DATE_FORMAT = "yyyy-MM-dd";

	/**
	 * The file's column names (its first non-blank line).
	 * @throws CensusImportException if the file cannot be read as a census
	 */
	List<String> columns(InputStream csv);

	/**
	 * Checks every row and counts what each mode would change; changes nothing.
	 * @throws CensusImportException if the file cannot be read as a census
	 */
	Analysis analyse(InputStream csv, Mapping mapping);

	/**
	 * Applies the file in one transaction, checking it again first.
	 * @throws CensusImportException if the file cannot be read, or has invalid rows and
	 * {@code skipInvalidRows} is false: then nothing is applied
	 */
	Applied apply(InputStream csv, Mapping mapping, Mode mode, boolean skipInvalidRows);

	/** How many employees the programme's census lists now. */
	long size();

	/** Which column (0-based, in file order) holds which value. */
	record Mapping(int employeeId, int lastName, int dateOfBirth) {

		public boolean isValid(int columns) {
			return this.employeeId >= 0 && this.lastName >= 0 && this.dateOfBirth >= 0 && this.employeeId < columns
					&& this.lastName < columns && this.dateOfBirth < columns && this.employeeId != this.lastName
					&& this.employeeId != this.dateOfBirth && this.lastName != this.dateOfBirth;
		}

	}

	/** MERGE adds and updates; REPLACE also removes whoever the file does not list. */
	enum Mode {

		MERGE, REPLACE

	}

	/**
	 * One problem of one row.
	 *
	 * @param line 1-based line in the file where the row starts
	 * @param column the file's name of the column at fault
	 * @param reason message key ({@code census.row.*})
	 * @param args the message's arguments
	 */
	record RowError(long line, String column, String reason, List<String> args) {

	}

	/** What applying would change (or changed) in the census. */
	record Effect(long added, long updated, long removed, long unchanged) {

	}

	/**
	 * @param rows data rows in the file (blank lines not counted)
	 * @param errorCount every problem found; {@code errors} lists the first
	 * {@link #MAX_ERRORS_LISTED}, by line
	 */
	record Analysis(List<String> columns, long rows, long validRows, long invalidRows, long errorCount,
			List<RowError> errors, Effect merge, Effect replace) {

		public Effect effect(Mode mode) {
			return (mode == Mode.REPLACE) ? this.replace : this.merge;
		}

		public boolean errorsTruncated() {
			return this.errors.size() < this.errorCount;
		}

	}

	/** What an import changed; {@code skippedRows} were invalid and left out. */
	record Applied(Mode mode, Effect effect, long skippedRows) {

	}

}

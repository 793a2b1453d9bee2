package org.consilium.identity.internal;

import java.time.LocalDate;
import java.util.Locale;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The employer's list of eligible employees (census), for programmes whose eligibility is
 * {@code CENSUS}: an employee is eligible when employee id, last name and date of birth
 * all match. The tenant admin console (issue 8) uploads the list; the dev profile seeds a
 * few for globex.
 */
@Component
class Census {

	private final JdbcTemplate jdbc;

	Census(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Must run in the tenant's transaction (row-level security scopes the list to it).
	 */
	boolean covers(String employeeId, String legalName, LocalDate dateOfBirth) {
		if (employeeId == null || legalName == null || dateOfBirth == null) {
			return false;
		}
		String name = legalName.strip().toLowerCase(Locale.ROOT);
		// The legal name must end with the census last name ("Lucía Hernández" and
		// "Hernández").
		return this.jdbc
			.queryForList("select lower(last_name) from census_entry where employee_id = ? and date_of_birth = ?",
					String.class, employeeId.strip(), dateOfBirth)
			.stream()
			.anyMatch((lastName) -> name.equals(lastName) || name.endsWith(" " + lastName));
	}

	void add(String employeeId, String lastName, LocalDate dateOfBirth) {
		this.jdbc.update(
				"insert into census_entry (tenant_id, employee_id, last_name, date_of_birth) "
						+ "values (current_setting('app.tenant_id'), ?, ?, ?) on conflict do nothing",
				employeeId, lastName, dateOfBirth);
	}

}

package org.consilium.support;

import java.time.Instant;
import java.time.LocalDate;

import org.consilium.identity.ConsiliumUser;

/**
 * Patients of a census programme (globex) must be on its census to submit a case. A test
 * patient made up on the spot gets the profile of globex's demo employee G-1001 (Lucía
 * Hernández, born 1985-03-14), whom the demo census lists.
 */
public final class TestCensus {

	/** Globex, the demo programme whose eligibility is its census. */
	public static final String PROGRAMME = "globex";

	private TestCensus() {
	}

	/** Gives the patient a profile the census covers, when the programme has a census. */
	public static void cover(String tenant, ConsiliumUser patient) {
		if (!PROGRAMME.equals(tenant)) {
			return;
		}
		TestDatabase.get().adminJdbc().update("""
				insert into patient_profile (tenant_id, user_id, legal_name, date_of_birth, sex, address_line, city,
				    country, phone, preferred_language, employee_id, updated_at)
				values (?, ?, 'Lucía Hernández', ?, 'FEMALE', 'Av. Reforma 1', 'Ciudad de México', 'MX',
				    '+52 55 5555 0100', 'es', 'G-1001', ?)
				on conflict (tenant_id, user_id) do update
				    set legal_name = excluded.legal_name, date_of_birth = excluded.date_of_birth,
				        employee_id = excluded.employee_id
				""", tenant, patient.id(), LocalDate.of(1985, 3, 14), java.sql.Timestamp.from(Instant.now()));
	}

}

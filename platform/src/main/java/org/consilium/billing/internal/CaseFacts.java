package org.consilium.billing.internal;

import java.util.Optional;

import org.consilium.cases.CaseId;
import org.consilium.cases.CaseReference;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What billing needs to know about a case of the current tenant (read inside billing's
 * own transactions, which run without a signed-in user: jobs and webhooks).
 */
@Component
class CaseFacts {

	private final JdbcTemplate jdbc;

	CaseFacts(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Facts> of(CaseId caseId) {
		return this.jdbc
			.query("select reference, patient_id, specialty from medical_case where id = ?",
					(row, n) -> new Facts(caseId, new CaseReference(row.getString(1)), row.getString(2),
							row.getString(3)),
					caseId.value())
			.stream()
			.findFirst();
	}

	Optional<Facts> of(CaseReference reference) {
		return this.jdbc
			.query("select id, patient_id, specialty from medical_case where reference = ?",
					(row, n) -> new Facts(new CaseId(row.getObject(1, java.util.UUID.class)), reference,
							row.getString(2), row.getString(3)),
					reference.value())
			.stream()
			.findFirst();
	}

	record Facts(CaseId caseId, CaseReference reference, String patientId, String specialty) {
	}

}

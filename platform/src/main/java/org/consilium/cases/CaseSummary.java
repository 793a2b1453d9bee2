package org.consilium.cases;

import java.time.Instant;

/**
 * A case as listed.
 */
public record CaseSummary(CaseId id, CaseReference reference, CaseStatus status, String specialty, String patientName,
		Instant createdAt, Instant submittedAt, java.time.LocalDate dueOn) {

}

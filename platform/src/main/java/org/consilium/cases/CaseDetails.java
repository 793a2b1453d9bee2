package org.consilium.cases;

import java.time.Instant;

/**
 * A case as opened: what the patient asked and where the case is.
 */
public record CaseDetails(CaseId id, CaseReference reference, CaseStatus status, String specialty, String question,
		String patientName, Instant createdAt, Instant updatedAt, CaseRequest request, boolean physicianTakesPart,
		Instant submittedAt, DoctorProgress doctor, java.time.LocalDate dueOn) {

}

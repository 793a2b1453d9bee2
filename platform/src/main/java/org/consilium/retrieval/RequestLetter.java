package org.consilium.retrieval;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.consilium.cases.CaseReference;

/**
 * The request letter the partner reads: whose records, from where, which, the patient's
 * signed authorisation, and where to send what they collect.
 */
public record RequestLetter(UUID requestId, String programme, CaseReference caseReference, String patientName,
		LocalDate patientBirthDate, List<Facility> facilities, Set<RecordKind> kinds, String details,
		String authorisationText, String authorisationVersion, String signedName, Instant signedAt, String returnEmail,
		Instant linkExpiresAt) {

}

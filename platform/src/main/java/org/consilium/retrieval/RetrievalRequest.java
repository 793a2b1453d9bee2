package org.consilium.retrieval;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.consilium.cases.CaseId;

/**
 * A retrieval request as the case's readers see it.
 *
 * @param statusNote what staff said with the last change, if anything
 */
public record RetrievalRequest(UUID id, CaseId caseId, List<Facility> facilities, Set<RecordKind> kinds, String details,
		String signedName, Instant signedAt, RetrievalStatus status, String statusNote, Instant statusChangedAt) {

}

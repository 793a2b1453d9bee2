package org.consilium.records;

import java.time.Instant;
import java.util.UUID;

import org.consilium.cases.CaseReference;

/** A record in a language other than English, waiting for its translation. */
public record TranslationTask(UUID recordId, org.consilium.cases.CaseId caseId, CaseReference caseReference,
		String fileName, String language, Instant uploadedAt) {

}

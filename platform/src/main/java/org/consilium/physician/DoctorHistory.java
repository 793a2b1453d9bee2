package org.consilium.physician;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.consilium.cases.CaseId;

import org.springframework.security.access.prepost.PreAuthorize;

/**
 * The referring doctor's part of a case for its other readers (the specialist reviewing
 * it, triage): clinical history, working diagnosis and questions. Read in the caller's
 * current tenant transaction, under the same case access as the case itself.
 */
public interface DoctorHistory {

	/**
	 * @return what the doctor has written so far; empty if nothing (no doctor takes part,
	 * or they have not started)
	 * @throws org.consilium.cases.CaseNotFoundException if the caller may not read the
	 * case
	 */
	@PreAuthorize("isAuthenticated()")
	Optional<Report> forCase(CaseId caseId);

	/**
	 * @param completedAt when the doctor completed their part, or null while they write
	 */
	record Report(String history, String diagnosis, List<String> questions, Instant completedAt) {

		public Report {
			questions = (questions != null) ? List.copyOf(questions) : List.of();
		}

	}

}

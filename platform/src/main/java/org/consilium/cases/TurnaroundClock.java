package org.consilium.cases;

import java.util.Optional;

/**
 * The turnaround clock of the current programme: its time zone, the operator's holidays
 * (configuration {@code consilium.turnaround.holidays}) and the current time.
 */
public interface TurnaroundClock {

	/** The current programme's calendar. */
	Turnaround calendar();

	/**
	 * Where a submitted case stands against its due date; empty for drafts and closed
	 * cases.
	 */
	default Optional<Turnaround.Standing> standing(CaseDetails medicalCase) {
		return standing(medicalCase.status(), medicalCase.submittedAt(), medicalCase.dueOn());
	}

	/** The same, for a case as listed. */
	default Optional<Turnaround.Standing> standing(CaseSummary medicalCase) {
		return standing(medicalCase.status(), medicalCase.submittedAt(), medicalCase.dueOn());
	}

	Optional<Turnaround.Standing> standing(CaseStatus status, java.time.Instant submittedAt, java.time.LocalDate dueOn);

}

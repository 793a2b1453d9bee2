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
	Optional<Turnaround.Standing> standing(CaseDetails medicalCase);

}

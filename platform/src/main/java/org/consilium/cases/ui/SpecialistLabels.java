package org.consilium.cases.ui;

import org.consilium.specialists.SpecialistCard;

/**
 * How a specialist is named to patients.
 */
final class SpecialistLabels {

	private SpecialistLabels() {
	}

	/** "Dr. Sara Lindqvist, MD, PhD" */
	static String name(SpecialistCard specialist) {
		return (specialist.credentials() == null || specialist.credentials().isBlank()) ? specialist.displayName()
				: specialist.displayName() + ", " + specialist.credentials();
	}

	/** "Dr. Sara Lindqvist, MD, PhD · Consilium University Hospital" */
	static String full(SpecialistCard specialist) {
		return (specialist.institution() == null || specialist.institution().isBlank()) ? name(specialist)
				: name(specialist) + " · " + specialist.institution();
	}

}

package org.consilium.tenantconfig;

import java.util.List;
import java.util.Map;

/**
 * The tenant's variant of the second-opinion process: validated data read by the one case
 * state machine, never a second copy of the workflow in code.
 *
 * @param specialties the specialties the programme offers (codes from
 * {@link Specialties})
 * @param specialistPools the pools triage may assign this tenant's cases to
 * @param intakeQuestions extra questions per specialty, asked when a case is opened
 */
public record Workflow(DoctorParticipation doctorParticipation, Eligibility eligibility,
		boolean recordsRetrievalPartner, Approval approval, Delivery delivery, int turnaroundDays,
		List<String> specialties, List<String> specialistPools, Map<String, List<IntakeQuestion>> intakeQuestions,
		List<Consent> requiredConsents) {

	public static final int MIN_TURNAROUND_DAYS = 1;

	public static final int MAX_TURNAROUND_DAYS = 60;

	public Workflow {
		specialties = List.copyOf(specialties);
		specialistPools = List.copyOf(specialistPools);
		intakeQuestions = Map.copyOf(intakeQuestions);
		requiredConsents = List.copyOf(requiredConsents);
	}

	public List<IntakeQuestion> questionsFor(String specialty) {
		return this.intakeQuestions.getOrDefault(specialty, List.of());
	}

	public enum DoctorParticipation {

		REQUIRED, OPTIONAL, SKIPPED

	}

	public enum Eligibility {

		/** Anyone who can sign in may open a case. */
		NONE,
		/**
		 * An attribute of the SSO assertion decides (the provider's eligibility rule).
		 */
		SSO_ATTRIBUTE,
		/** The employer's census file of eligible employees decides. */
		CENSUS

	}

	public enum Approval {

		/** Operator staff approve each opinion. */
		STAFF,
		/** A second specialist reads and approves each opinion. */
		SECOND_READER

	}

	public enum Delivery {

		/**
		 * The referring doctor receives the opinion first; the patient is told when the
		 * doctor opens it.
		 */
		DOCTOR_FIRST,
		/** Doctor and patient receive the opinion at the same time. */
		DOCTOR_AND_PATIENT

	}

}

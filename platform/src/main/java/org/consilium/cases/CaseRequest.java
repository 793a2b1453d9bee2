package org.consilium.cases;

import java.util.List;
import java.util.Map;

/**
 * What the patient asks and tells: editable while the case is a draft.
 *
 * @param questions the patient's questions for the specialist (1 to 5 to submit)
 * @param intakeAnswers answers to the tenant's extra questions for the specialty, by
 * question id
 * @param requestedSpecialist id of a specialist the patient asks for, if any
 */
public record CaseRequest(String specialty, List<String> questions, Map<String, String> intakeAnswers, String symptoms,
		String history, String medications, String allergies, String priorTreatment, String requestedSpecialist) {

	public CaseRequest {
		questions = (questions != null) ? List.copyOf(questions) : List.of();
		intakeAnswers = (intakeAnswers != null) ? Map.copyOf(intakeAnswers) : Map.of();
	}

}

package org.consilium.review;

import java.time.Instant;
import java.util.List;

import org.consilium.cases.CaseReference;

/**
 * The approved opinion as its readers get it.
 *
 * @param specialistName who wrote it
 * @param rereads the case's finished re-reads, attached to the opinion
 */
public record PublishedOpinion(CaseReference reference, String specialty, int version, OpinionContent content,
		String specialistName, Instant approvedAt, Instant publishedAt, Audience audience, List<RereadReport> rereads) {

	public PublishedOpinion {
		rereads = List.copyOf(rereads);
	}

	/** Who receives the opinion when it is published. */
	public enum Audience {

		/** The doctor first; the patient once the doctor has opened it. */
		DOCTOR,
		/** Doctor and patient at the same time. */
		DOCTOR_AND_PATIENT,
		/** The patient (no doctor takes part). */
		PATIENT;

		public boolean includesPatient() {
			return this != DOCTOR;
		}

	}

}

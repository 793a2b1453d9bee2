package org.consilium.review;

import java.util.Locale;

import org.consilium.cases.CaseReference;

import org.springframework.security.access.prepost.PreAuthorize;

/**
 * The published opinion on the programme's site, for the case's doctor, its patient and
 * coordinators. The doctor's first opening is recorded once and tells the patient
 * (exactly once). Every read is audited.
 */
public interface PublishedOpinions {

	/**
	 * @throws org.consilium.cases.CaseNotFoundException if the caller cannot read the
	 * case
	 * @throws OpinionNotAvailableException if it is not published, or the caller is the
	 * patient and it goes to the doctor first, who has not opened it yet
	 */
	@PreAuthorize("hasAnyRole('REFERRING_PHYSICIAN', 'PATIENT', 'CASE_COORDINATOR', 'TENANT_ADMIN')")
	PublishedOpinion open(CaseReference reference);

	/**
	 * The opinion as a branded PDF, rendered from the approved version; the same rules as
	 * {@link #open(CaseReference)}.
	 */
	@PreAuthorize("hasAnyRole('REFERRING_PHYSICIAN', 'PATIENT', 'CASE_COORDINATOR', 'TENANT_ADMIN')")
	OpinionDocument pdf(CaseReference reference, Locale locale);

	/** A rendered document and the file name to give it. */
	record OpinionDocument(String fileName, byte[] content) {

	}

}

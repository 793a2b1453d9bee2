package org.consilium.cases;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Cases of the current tenant, as the current user may see them: a patient sees their
 * own, a coordinator or tenant admin sees all of the tenant's. Every read is audited.
 */
public interface Cases {

	@PreAuthorize("hasAnyRole('PATIENT', 'CASE_COORDINATOR', 'TENANT_ADMIN') or hasAuthority('SCOPE_cases.read')")
	List<CaseSummary> list();

	/**
	 * @throws CaseNotFoundException if not visible to the current user
	 */
	@PreAuthorize("hasAnyRole('PATIENT', 'REFERRING_PHYSICIAN', 'CASE_COORDINATOR', 'TENANT_ADMIN', 'TRIAGE', 'SPECIALIST', 'APPROVER', 'PLATFORM_ADMIN') or hasAuthority('SCOPE_cases.read')")
	CaseDetails get(CaseId id);

	/**
	 * @throws CaseNotFoundException if not visible to the current user
	 */
	@PreAuthorize("hasAnyRole('PATIENT', 'CASE_COORDINATOR', 'TENANT_ADMIN')")
	CaseDetails get(CaseReference reference);

	/**
	 * Opens a draft case for the signed-in patient.
	 * @throws InvalidCaseException if the specialty is not offered or the question is
	 * empty or too long
	 */
	@PreAuthorize("hasRole('PATIENT')")
	CaseDetails openDraft(String specialty, String question);

	/**
	 * Saves the patient's draft as it is (drafts save as the patient types; nothing is
	 * checked beyond sizes until submission).
	 */
	@PreAuthorize("hasRole('PATIENT')")
	CaseDetails saveDraft(CaseId id, CaseRequest request);

	/**
	 * What still stands between the draft and its submission, per field (message keys),
	 * consents aside: the wizard shows these next to the fields before the patient moves
	 * on.
	 */
	@PreAuthorize("hasRole('PATIENT')")
	java.util.Map<String, java.util.List<String>> problems(CaseId id);

	/**
	 * Submits the draft with the consents the programme requires; the case then waits for
	 * the doctor or for records, as the programme's workflow says.
	 * @throws CaseRequestProblems listing what to fix, per field; nothing is changed then
	 */
	@PreAuthorize("hasRole('PATIENT')")
	CaseDetails submit(CaseId id, java.util.List<ConsentSignature> consents);

	/**
	 * A case coordinator tells the patient where the case is: the text goes on the
	 * timeline, and the patient gets an e-mail (a link, never the text) and an in-app
	 * notice.
	 * @throws InvalidCaseException if the text is empty or over 1,000 characters
	 * @throws CaseClosedException if the case is closed
	 */
	@PreAuthorize("hasRole('CASE_COORDINATOR')")
	void postStatusUpdate(CaseId id, String text);

	/** The case's timeline, oldest first, for whoever may read the case. */
	@PreAuthorize("isAuthenticated()")
	List<TimelineEntry> timeline(CaseId id);

}

package org.consilium.retrieval;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.consilium.cases.CaseId;

import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Records-retrieval requests of the current tenant's cases, with the case access rules of
 * {@link org.consilium.cases.CaseAccess}. Every method but {@link #offered()} and
 * {@link #letter(String)} throws {@link RetrievalNotOfferedException} where the
 * programme's workflow has no retrieval partner.
 */
public interface RetrievalRequests {

	/** Whether the current programme's workflow has a records-retrieval partner. */
	boolean offered();

	/**
	 * The case's requests, newest first, for whoever may read the case.
	 * @throws org.consilium.cases.CaseNotFoundException if not visible to the user
	 */
	@PreAuthorize("hasAnyRole('PATIENT', 'CASE_COORDINATOR', 'TENANT_ADMIN')")
	List<RetrievalRequest> list(CaseId caseId);

	/**
	 * The case's patient authorises a request; it goes to the partner when the
	 * transaction commits.
	 * @throws RetrievalProblems listing what to fix, per field
	 */
	@PreAuthorize("hasRole('PATIENT')")
	RetrievalRequest authorise(CaseId caseId, RetrievalAuthorisation authorisation);

	/**
	 * Staff record what the partner reported.
	 * @throws RetrievalProblems if the move is not allowed from the current state or a
	 * needed note is missing
	 */
	@PreAuthorize("hasRole('CASE_COORDINATOR')")
	RetrievalRequest updateStatus(CaseId caseId, UUID requestId, RetrievalStatus status, String note);

	/**
	 * Staff send the partner a fresh letter link (e.g. the first one expired); the
	 * previous link stops working at once.
	 */
	@PreAuthorize("hasRole('CASE_COORDINATOR')")
	RetrievalRequest resendLetter(CaseId caseId, UUID requestId);

	/**
	 * The letter behind an e-mailed link, for the partner (no sign-in): only while the
	 * link is valid and only on the site of the tenant that issued it. Every view is
	 * audited.
	 */
	Optional<RequestLetter> letter(String token);

}

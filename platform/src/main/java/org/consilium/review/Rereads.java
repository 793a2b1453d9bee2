package org.consilium.review;

import java.util.List;
import java.util.UUID;

import org.consilium.cases.CaseId;
import org.consilium.specialists.Ranking;

import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Radiology and pathology re-reads of a case: requested by triage or by the specialist
 * reviewing the case, assigned like a case to a radiologist or pathologist ranked from
 * the directory, reported in a short structured form. The opinion is not approved until
 * every re-read is done or cancelled. Each call works inside the case's programme
 * (decision 015); a case the caller may not see is "not found".
 */
public interface Rereads {

	/**
	 * Asks for a re-read, while the case is between triage and approval.
	 * @throws ReviewProblems if the note is empty or over 2,000 characters, or the case
	 * is not open for re-reads ({@code case}); nothing is stored then
	 * @throws org.consilium.cases.CaseNotFoundException if the caller may not see the
	 * case
	 * @throws org.springframework.security.access.AccessDeniedException for a specialist
	 * who has not accepted the case's review
	 */
	@PreAuthorize("hasAnyRole('TRIAGE', 'SPECIALIST')")
	Reread request(CaseKey key, Reread.Kind kind, String note);

	/** The case's re-reads, oldest first. */
	@PreAuthorize("hasAnyRole('TRIAGE', 'SPECIALIST', 'APPROVER', 'PLATFORM_ADMIN')")
	List<Reread> ofCase(CaseKey key);

	/**
	 * Radiologists or pathologists for the re-read, ranked as specialists are for a case
	 * (the patient's language and country, the programme's pools, load across
	 * programmes), each with the reasons for their score.
	 */
	@PreAuthorize("hasRole('TRIAGE')")
	List<Ranking.Suggestion> suggestions(CaseKey key, UUID rereadId);

	/**
	 * Assigns the re-read to one of the suggested readers; whoever had it before loses
	 * it.
	 * @throws ReviewProblems if the reason is missing ({@code reason}), the reader is not
	 * eligible ({@code specialist}) or the re-read is no longer open ({@code reread})
	 */
	@PreAuthorize("hasRole('TRIAGE')")
	Reread assign(CaseKey key, UUID rereadId, String specialistId, String reason);

	/** The assigned reader takes the re-read on. */
	@PreAuthorize("hasRole('SPECIALIST')")
	Reread accept(CaseKey key, UUID rereadId);

	/**
	 * The assigned reader declines with a reason; the re-read goes back to triage and the
	 * reader's access to the case ends.
	 * @throws ReviewProblems if the reason is missing ({@code reason})
	 */
	@PreAuthorize("hasRole('SPECIALIST')")
	void decline(CaseKey key, UUID rereadId, String reason);

	/**
	 * The assigned reader's report; the re-read is done and the reader's access to the
	 * case ends with it.
	 * @throws ReviewProblems per missing or too long field ({@code findings},
	 * {@code impression}, {@code concordance}); nothing is stored then
	 */
	@PreAuthorize("hasRole('SPECIALIST')")
	Reread report(CaseKey key, UUID rereadId, String findings, String impression, Reread.Concordance concordance);

	/**
	 * Triage withdraws a re-read that is not done; its reader, if any, loses access.
	 * @throws ReviewProblems if the reason is missing ({@code reason}) or it is done
	 * ({@code reread})
	 */
	@PreAuthorize("hasRole('TRIAGE')")
	void cancel(CaseKey key, UUID rereadId, String reason);

	/**
	 * The signed-in reader's desk for the case.
	 * @throws org.consilium.cases.CaseNotFoundException unless the caller holds an open
	 * re-read of the case
	 */
	@PreAuthorize("hasRole('SPECIALIST')")
	RereadDesk desk(CaseKey key);

	/**
	 * What holds up approval, in the current tenant's transaction: a message key per
	 * re-read not yet done or cancelled ({@code reread.pending.RADIOLOGY}, ...), for
	 * {@code CaseLifecycle.apply}'s pending work.
	 */
	@PreAuthorize("isAuthenticated()")
	List<String> pendingBeforeApproval(CaseId caseId);

	/**
	 * The kinds of re-read reported on the case, in the current tenant's transaction: the
	 * price book's add-ons that the case's bill includes.
	 */
	@PreAuthorize("isAuthenticated()")
	java.util.Set<Reread.Kind> done(CaseId caseId);

}

package org.consilium.records;

import java.io.InputStream;
import java.util.List;
import java.util.UUID;

import org.consilium.cases.CaseId;

import org.springframework.security.access.prepost.PreAuthorize;

/**
 * The records of the current tenant's cases, for the users {@code CaseAccess} lets in:
 * the case's patient and participating doctor, coordinators and tenant admins. A case or
 * record the user may not see is "not found". Every upload, view and download is audited.
 */
public interface Records {

	/**
	 * Streams a file into the case: type by content, size cap and case quota enforced as
	 * it arrives, archives inspected before acceptance, SHA-256 taken, stored encrypted.
	 * @throws RecordRejectedException with the reason; nothing is stored then
	 * @throws org.consilium.cases.CaseNotFoundException if the user may not read the case
	 * @throws org.consilium.cases.CaseClosedException if the case takes no more records
	 */
	@PreAuthorize("isAuthenticated()")
	RecordSummary upload(CaseId caseId, NewRecord record, InputStream content);

	/** The case's records, oldest first. */
	@PreAuthorize("isAuthenticated()")
	List<RecordSummary> list(CaseId caseId);

	/**
	 * Opens a record's bytes for reading; audited as a view or download.
	 * @throws RecordNotFoundException if there is no such record in the case
	 */
	@PreAuthorize("isAuthenticated()")
	RecordContent open(CaseId caseId, UUID recordId, Purpose purpose);

	/** Records of the tenant still waiting for translation, oldest first (staff). */
	@PreAuthorize("hasAnyRole('CASE_COORDINATOR', 'TENANT_ADMIN')")
	List<TranslationTask> translationTasks();

	/** Staff: the record's English translation is done. Idempotent. */
	@PreAuthorize("hasAnyRole('CASE_COORDINATOR', 'TENANT_ADMIN')")
	void markTranslated(CaseId caseId, UUID recordId);

	/** Why a record's bytes are read, as audited. */
	enum Purpose {

		VIEW, DOWNLOAD

	}

}

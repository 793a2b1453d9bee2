package org.consilium.review;

import org.consilium.cases.CaseId;
import org.consilium.tenant.TenantId;

/**
 * A specialist submitted a version of a case's opinion: raised inside the submitting
 * transaction, so that routing it on (a second read or an approval) commits with it.
 *
 * @param authorAccountId the operator account of the specialist who wrote it
 * @param authorSpecialistId their directory entry
 */
public record OpinionSubmitted(TenantId tenant, CaseId caseId, int version, String authorAccountId,
		String authorSpecialistId) {

}

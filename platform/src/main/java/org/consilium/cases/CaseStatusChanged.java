package org.consilium.cases;

/**
 * Published inside the transaction that moved a case; carries its tenant explicitly for
 * listeners that work elsewhere (jobs, notifications).
 */
public record CaseStatusChanged(org.consilium.tenant.TenantId tenant, CaseId caseId, CaseReference reference,
		CaseStatus from, CaseStatus to, CaseEvent event) {

}

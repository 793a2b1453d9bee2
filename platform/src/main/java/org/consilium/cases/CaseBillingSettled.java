package org.consilium.cases;

import org.consilium.tenant.TenantId;

/**
 * Billing has nothing left to do for the case: raised by the billing module, inside its
 * transaction. With the opinion delivered, the case closes. Until billing lands, nothing
 * else raises it, and delivered cases wait (issue 7).
 */
public record CaseBillingSettled(TenantId tenant, CaseId caseId) {

}

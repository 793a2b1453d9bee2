package org.consilium.review;

import org.consilium.cases.CaseReference;
import org.consilium.tenant.TenantId;

/**
 * A case as operator users address it: its programme and its reference (as in the
 * operator site's addresses, {@code work/acme/C-7KQ2-M9XD}). Naming a tenant here grants
 * nothing: the case is still read inside that tenant's partition, under the caller's role
 * and assignments.
 */
public record CaseKey(TenantId tenant, CaseReference reference) {

	public String path() {
		return this.tenant.value() + "/" + this.reference.value();
	}

}

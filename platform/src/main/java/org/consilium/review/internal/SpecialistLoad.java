package org.consilium.review.internal;

import java.util.HashMap;
import java.util.Map;

import org.consilium.cases.CaseAssignments;
import org.consilium.tenant.Tenant;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.Tenants;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A specialist's load is their open assignments in every programme: counted in each
 * tenant's partition and added up (decision 015).
 */
@Component
class SpecialistLoad {

	private final Tenants tenants;

	private final CaseAssignments assignments;

	private final TransactionTemplate readOnly;

	SpecialistLoad(Tenants tenants, CaseAssignments assignments, PlatformTransactionManager transactionManager) {
		this.tenants = tenants;
		this.assignments = assignments;
		this.readOnly = new TransactionTemplate(transactionManager);
		this.readOnly.setReadOnly(true);
		this.readOnly.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
	}

	Map<String, Integer> acrossProgrammes() {
		Map<String, Integer> load = new HashMap<>();
		for (Tenant tenant : this.tenants.all()) {
			Map<String, Integer> here = TenantContext.callAs(tenant.id(),
					() -> this.readOnly.execute((status) -> this.assignments.openLoadBySpecialist()));
			here.forEach((specialist, count) -> load.merge(specialist, count, Integer::sum));
		}
		return load;
	}

}

package org.consilium.identity.internal;

import java.util.Optional;

import org.consilium.identity.ConsiliumUser;
import org.consilium.identity.CurrentUser;
import org.consilium.tenant.DatabaseActor;
import org.consilium.tenantconfig.Role;

import org.springframework.stereotype.Component;

/**
 * Limits operator users to the cases assigned to them unless their role is to see every
 * case of a programme (triage staff, platform admins). Fails closed: any other operator
 * user — a specialist, an approver, or one whose second factor is still due — is limited.
 * Tenant users are not: their own rules apply within their tenant (decision 015).
 */
@Component
class AssignedCasesActor implements DatabaseActor {

	@Override
	public Optional<String> limitedTo() {
		return CurrentUser.anyPrincipal()
			.filter(ConsiliumUser::isOperatorUser)
			.filter((user) -> CurrentUser.find().isEmpty() || !(user.has(Role.TRIAGE) || user.has(Role.PLATFORM_ADMIN)))
			.map(ConsiliumUser::id);
	}

}

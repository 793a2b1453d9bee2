package org.consilium.cases.internal;

import java.util.Optional;

import org.consilium.identity.ConsiliumUser;
import org.consilium.tenantconfig.Role;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Who may read a case, in one place. Tenant users: its patient and participating doctor,
 * coordinators and tenant admins. Operator users: triage staff and platform admins every
 * case of the programme they work in; anyone else (specialists, approvers) only while
 * they hold an open assignment on it — checked here and, independently, by row-level
 * security (decision 015).
 */
@Component
class CaseVisibility {

	private final JdbcTemplate jdbc;

	CaseVisibility(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	boolean canRead(MedicalCase medicalCase, Optional<ConsiliumUser> found) {
		if (found.isEmpty()) {
			return false;
		}
		ConsiliumUser user = found.get();
		if (user.isOperatorUser()) {
			return seesEveryCase(user) || assigned(medicalCase, user);
		}
		return user.has(Role.CASE_COORDINATOR) || user.has(Role.TENANT_ADMIN) || medicalCase.involves(user.id());
	}

	static boolean seesEveryCase(ConsiliumUser user) {
		return user.isOperatorUser() ? (user.has(Role.TRIAGE) || user.has(Role.PLATFORM_ADMIN))
				: (user.has(Role.CASE_COORDINATOR) || user.has(Role.TENANT_ADMIN));
	}

	private boolean assigned(MedicalCase medicalCase, ConsiliumUser user) {
		Integer open = this.jdbc.queryForObject("""
				select count(*) from case_assignment
				where case_id = ? and actor_id = ? and state in ('ASSIGNED', 'ACCEPTED')
				""", Integer.class, medicalCase.id().value(), user.id());
		return open != null && open > 0;
	}

}

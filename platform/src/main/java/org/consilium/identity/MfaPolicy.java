package org.consilium.identity;

import java.util.EnumSet;
import java.util.Set;

import org.consilium.tenantconfig.Role;

/**
 * Who must use a second factor: everyone who can see more than their own case — staff,
 * specialists and admins.
 */
public final class MfaPolicy {

	static final Set<Role> REQUIRES_MFA = EnumSet.of(Role.CASE_COORDINATOR, Role.TENANT_ADMIN, Role.TRIAGE,
			Role.SPECIALIST, Role.APPROVER, Role.PLATFORM_ADMIN);

	private MfaPolicy() {
	}

	public static boolean requiresMfa(Set<Role> roles) {
		return roles.stream().anyMatch(REQUIRES_MFA::contains);
	}

	/** Staff sessions end sooner when idle. */
	public static boolean isStaff(Set<Role> roles) {
		return requiresMfa(roles);
	}

}

package org.consilium.identity;

import java.io.Serializable;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.consilium.tenant.TenantId;
import org.consilium.tenantconfig.Role;

import org.springframework.security.core.AuthenticatedPrincipal;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A signed-in user. Tenant users (patients, doctors, coordinators, tenant admins) carry
 * their tenant; operator users (triage, specialists, approvers, platform admins) carry
 * none and work on the operator site only. Holds no credentials.
 *
 * @param id stable account id (unique within its site's partition)
 * @param username what the user signs in with (an e-mail address)
 * @param sessionEpoch the account's session epoch at sign-in; sessions of older epochs
 * end
 */
public record ConsiliumUser(String id, String username, String displayName, Optional<TenantId> tenant, Set<Role> roles,
		int sessionEpoch) implements AuthenticatedPrincipal, Serializable {

	public ConsiliumUser {
		roles = Set.copyOf(roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles));
	}

	public boolean has(Role role) {
		return this.roles.contains(role);
	}

	public boolean isOperatorUser() {
		return this.tenant.isEmpty();
	}

	/** The partition the account lives in: its tenant, or the operator's. */
	public TenantId partition() {
		return this.tenant.orElse(TenantId.PLATFORM);
	}

	public Collection<GrantedAuthority> getAuthorities() {
		return this.roles.stream()
			.map((role) -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role.name()))
			.toList();
	}

	@Override
	public String getName() {
		return this.username;
	}

	@Override
	public String toString() {
		return "ConsiliumUser[" + this.id + ", " + this.roles + "]";
	}

}

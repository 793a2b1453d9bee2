package org.consilium.identity;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.consilium.tenant.TenantId;
import org.consilium.tenantconfig.Role;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A signed-in user. Tenant users (patients, doctors, coordinators, tenant admins) carry
 * their tenant; operator users (triage, specialists, approvers, platform admins) carry
 * none and work on the operator site only.
 *
 * @param id stable user id, unique on the platform
 * @param username what the user signs in with (an e-mail address)
 */
public record ConsiliumUser(String id, String username, String displayName, Optional<TenantId> tenant, Set<Role> roles,
		String passwordHash) implements UserDetails {

	public ConsiliumUser {
		roles = Set.copyOf(roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles));
	}

	public boolean has(Role role) {
		return this.roles.contains(role);
	}

	public boolean isOperatorUser() {
		return this.tenant.isEmpty();
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return this.roles.stream().map((role) -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList();
	}

	@Override
	public String getPassword() {
		return this.passwordHash;
	}

	@Override
	public String getUsername() {
		return this.username;
	}

	/** This user without the password hash, as kept in the security context. */
	public ConsiliumUser withoutPassword() {
		return new ConsiliumUser(this.id, this.username, this.displayName, this.tenant, this.roles, null);
	}

	@Override
	public String toString() {
		return "ConsiliumUser[" + this.id + ", " + this.roles + "]";
	}

}

package org.consilium.support;

import java.util.Optional;
import java.util.Set;

import org.consilium.identity.ConsiliumUser;
import org.consilium.tenant.TenantId;
import org.consilium.tenantconfig.Role;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Principals for tests, shaped like the ones sign-in produces.
 */
public final class Users {

	private Users() {
	}

	public static ConsiliumUser user(String tenant, String name, Role role) {
		return new ConsiliumUser("test:" + tenant + ":" + name, name + "@" + tenant + ".example", name,
				Optional.of(TenantId.of(tenant)), Set.of(role), 0);
	}

	public static ConsiliumUser operator(String name, Role role) {
		return new ConsiliumUser("test:operator:" + name, name + "@ops.example", name, Optional.empty(), Set.of(role),
				0);
	}

	public static Authentication authentication(ConsiliumUser user) {
		return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
	}

	/**
	 * Runs as the user (in the current thread's security context), restoring the previous
	 * one.
	 */
	public static <T> T as(ConsiliumUser user, java.util.function.Supplier<T> work) {
		var previous = SecurityContextHolder.getContext();
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication(user));
		SecurityContextHolder.setContext(context);
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

}

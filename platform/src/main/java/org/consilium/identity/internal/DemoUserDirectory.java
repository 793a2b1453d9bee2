package org.consilium.identity.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.consilium.identity.ConsiliumUser;
import org.consilium.identity.DemoAccounts;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.TenantId;
import org.consilium.tenant.Tenants;
import org.consilium.tenantconfig.Role;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Development-only demo users: four per tenant site and four on the operator site, all
 * with one configurable password. A user exists only on its own site:
 * {@code patient@acme.example} cannot sign in on public.localhost. Absent outside the
 * {@code dev} profile.
 */
@Component
@Profile("dev")
class DemoUserDirectory implements UserDetailsService, DemoAccounts {

	private static final List<String> TENANT_ROLES = List.of("patient", "doctor", "coordinator", "admin");

	private final Tenants tenants;

	private final String password;

	private final String passwordHash;

	DemoUserDirectory(Tenants tenants, PasswordEncoder encoder,
			@Value("${consilium.demo.password:consilium-demo}") String password) {
		this.tenants = tenants;
		this.password = password;
		this.passwordHash = encoder.encode(password);
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		String name = username.trim().toLowerCase(Locale.ROOT);
		return usersOf(TenantContext.find().orElse(null)).stream()
			.filter((user) -> user.username().equals(name))
			.findFirst()
			.orElseThrow(() -> new UsernameNotFoundException("No such user on this site"));
	}

	@Override
	public List<ConsiliumUser> usersOf(TenantId tenant) {
		List<ConsiliumUser> users = new ArrayList<>();
		if (tenant == null) {
			users.add(operator("triage", "Tom Reyes", Role.TRIAGE));
			users.add(operator("specialist", "Dr. Sara Lindqvist", Role.SPECIALIST));
			users.add(operator("approver", "Dr. Omar Haddad", Role.APPROVER));
			users.add(operator("admin", "Priya Natarajan", Role.PLATFORM_ADMIN));
			return users;
		}
		if (this.tenants.find(tenant).isEmpty()) {
			return users;
		}
		for (String kind : TENANT_ROLES) {
			users.add(new ConsiliumUser("demo:" + tenant.value() + ":" + kind, kind + "@" + tenant.value() + ".example",
					displayName(tenant, kind), Optional.of(tenant), Set.of(role(kind)), this.passwordHash));
		}
		return users;
	}

	@Override
	public String password() {
		return this.password;
	}

	private ConsiliumUser operator(String kind, String name, Role role) {
		return new ConsiliumUser("demo:operator:" + kind, kind + "@ops.example", name, Optional.empty(), Set.of(role),
				this.passwordHash);
	}

	private static Role role(String kind) {
		return switch (kind) {
			case "patient" -> Role.PATIENT;
			case "doctor" -> Role.REFERRING_PHYSICIAN;
			case "coordinator" -> Role.CASE_COORDINATOR;
			default -> Role.TENANT_ADMIN;
		};
	}

	private static String displayName(TenantId tenant, String kind) {
		String patient = switch (tenant.value()) {
			case "acme" -> "Alex Rivera";
			case "globex" -> "Lucía Hernández";
			default -> "Pat Morgan";
		};
		return switch (kind) {
			case "patient" -> patient;
			case "doctor" -> "Dr. Jordan Lee";
			case "coordinator" -> "Casey Brooks";
			default -> "Robin Chen";
		};
	}

}

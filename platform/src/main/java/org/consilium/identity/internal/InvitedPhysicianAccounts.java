package org.consilium.identity.internal;

import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletResponse;
import org.consilium.audit.AuditEntry;
import org.consilium.audit.AuditLog;
import org.consilium.identity.ConsiliumUser;
import org.consilium.identity.InvitedPhysicians;
import org.consilium.identity.PasswordPolicy;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.TenantId;
import org.consilium.tenantconfig.Role;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Service;

/**
 * Doctors' accounts made from an invitation: the same checks as self-registration
 * (address, name, {@link PasswordPolicy}), but verified from the start, since the link
 * reached the address.
 */
@Service
class InvitedPhysicianAccounts implements InvitedPhysicians {

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");

	private final AccountRepository accounts;

	private final PasswordEncoder passwords;

	private final AuditLog audit;

	private final Partitions partitions;

	private final Clock clock;

	private final HttpSessionSecurityContextRepository repository = new HttpSessionSecurityContextRepository();

	InvitedPhysicianAccounts(AccountRepository accounts, PasswordEncoder passwords, AuditLog audit,
			Partitions partitions, Clock clock) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.audit = audit;
		this.partitions = partitions;
		this.clock = clock;
	}

	@Override
	public Registration register(String email, String name, String password) {
		TenantId site = TenantContext.current();
		String address = AccountUserDetailsService.normalize(email);
		String displayName = (name != null) ? name.strip() : "";
		Map<String, List<String>> problems = new LinkedHashMap<>();
		if (!EMAIL.matcher(address).matches() || address.length() > 254) {
			problems.put("email", List.of("register.email.invalid"));
		}
		if (displayName.isEmpty() || displayName.length() > 120) {
			problems.put("name", List.of("register.name.invalid"));
		}
		List<String> passwordProblems = PasswordPolicy.problems(password, address, displayName);
		if (!passwordProblems.isEmpty()) {
			problems.put("password", passwordProblems);
		}
		if (!problems.isEmpty()) {
			return new Registration(null, problems);
		}
		return this.partitions.in(site, () -> {
			if (this.accounts.existsByEmail(address)) {
				return new Registration(null, Map.of("email", List.of("physician.register.email-taken")));
			}
			Account account = this.accounts.save(Account.verified(address, displayName, this.passwords.encode(password),
					EnumSet.of(Role.REFERRING_PHYSICIAN), this.clock.instant()));
			this.audit
				.record(AuditEntry.of("ACCOUNT_REGISTERED").subject("user", account.id()).details("invited doctor"));
			return new Registration(AccountUserDetailsService.principal(site, account), Map.of());
		});
	}

	@Override
	public void signIn(ConsiliumUser user) {
		UsernamePasswordAuthenticationToken authentication = UsernamePasswordAuthenticationToken.authenticated(user,
				null, user.getAuthorities());
		VaadinServletRequest request = VaadinServletRequest.getCurrent();
		VaadinServletResponse response = VaadinServletResponse.getCurrent();
		if (request != null) {
			VaadinService.reinitializeSession(request);
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		SecurityContextHolder.setContext(context);
		if (request != null && response != null) {
			request.getHttpServletRequest().getSession().removeAttribute(SessionLimitsGuard.SIGNED_IN_AT);
			this.repository.saveContext(context, request.getHttpServletRequest(), response.getHttpServletResponse());
		}
		this.partitions.in(user.partition(), () -> {
			this.accounts.findById(UUID.fromString(user.id()))
				.ifPresent((account) -> account.recordSuccessfulSignIn(this.clock.instant()));
			this.audit.record(AuditEntry.of("SIGN_IN").subject("user", user.id()).details("after invitation"));
			return null;
		});
	}

}

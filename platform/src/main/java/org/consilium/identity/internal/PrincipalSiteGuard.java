package org.consilium.identity.internal;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.consilium.audit.AuditEntry;
import org.consilium.audit.AuditLog;
import org.consilium.identity.ConsiliumUser;
import org.consilium.identity.CurrentUser;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.TenantId;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Defence in depth behind the session's site binding: a principal belongs to one site. A
 * tenant user works only on its tenant's hosts, an operator user only on the operator
 * site; anything else is refused and audited.
 */
@Component
class PrincipalSiteGuard extends OncePerRequestFilter {

	private final AuditLog audit;

	PrincipalSiteGuard(AuditLog audit) {
		this.audit = audit;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<ConsiliumUser> user = CurrentUser.find();
		Optional<TenantId> site = TenantContext.find();
		if (user.isPresent() && !user.get().tenant().equals(site)) {
			SecurityContextHolder.setContext(SecurityContextHolder.createEmptyContext());
			TenantContext.callAs(site.orElse(TenantId.PLATFORM), () -> {
				this.audit.record(AuditEntry.of("PRINCIPAL_REJECTED_WRONG_SITE")
					.subject("user", user.get().id())
					.details("principal of " + user.get().tenant().map(TenantId::value).orElse("operator")));
				return null;
			});
			SecurityConfiguration.problem(response, HttpStatus.FORBIDDEN, "This sign-in belongs to another site.");
			return;
		}
		chain.doFilter(request, response);
	}

}

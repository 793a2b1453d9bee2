package org.consilium.identity.internal;

import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.consilium.audit.AuditEntry;
import org.consilium.audit.AuditLog;
import org.consilium.identity.TenantAdminInvitations;
import org.consilium.notify.Notice;
import org.consilium.notify.Notifications;
import org.consilium.tenant.TenantContext;
import org.consilium.tenantconfig.NotificationKind;
import org.consilium.tenantconfig.Role;

import org.springframework.stereotype.Service;

/**
 * The invited admin's account has no password until they follow the link, which uses the
 * password-reset page and rules (a token of its own kind, valid for longer); following it
 * also proves the address.
 */
@Service
class TenantAdminInvitationService implements TenantAdminInvitations {

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");

	private final AccountRepository accounts;

	private final AccountService service;

	private final Notifications notifications;

	private final AuditLog audit;

	private final Partitions partitions;

	private final Clock clock;

	TenantAdminInvitationService(AccountRepository accounts, AccountService service, Notifications notifications,
			AuditLog audit, Partitions partitions, Clock clock) {
		this.accounts = accounts;
		this.service = service;
		this.notifications = notifications;
		this.audit = audit;
		this.partitions = partitions;
		this.clock = clock;
	}

	@Override
	public Map<String, List<String>> invite(String email, String name, Locale locale, String siteUrl) {
		String address = AccountUserDetailsService.normalize(email);
		String displayName = (name != null) ? name.strip() : "";
		Map<String, List<String>> problems = new LinkedHashMap<>();
		if (!EMAIL.matcher(address).matches() || address.length() > 254) {
			problems.put("email", List.of("register.email.invalid"));
		}
		if (displayName.isEmpty() || displayName.length() > 120) {
			problems.put("name", List.of("register.name.invalid"));
		}
		if (!problems.isEmpty()) {
			return problems;
		}
		return this.partitions.in(TenantContext.current(), () -> {
			if (this.accounts.findByEmail(address).isPresent()) {
				return Map.of("email", List.of("programmes.admin.exists"));
			}
			Account account = this.accounts.save(Account.registered(address, displayName, null,
					EnumSet.of(Role.TENANT_ADMIN), this.clock.instant()));
			String token = this.service.issue(account, AccountToken.Purpose.INVITATION);
			this.notifications.send(Notice.email(NotificationKind.ADMIN_INVITATION, address, displayName, locale,
					siteUrl + "reset-password?token=" + token));
			this.audit.record(AuditEntry.of("TENANT_ADMIN_INVITED").subject("user", account.id()));
			return Map.of();
		});
	}

}

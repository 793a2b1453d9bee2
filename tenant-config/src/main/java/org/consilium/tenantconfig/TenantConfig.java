package org.consilium.tenantconfig;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One tenant (programme) on the platform, exactly as validated from its YAML file.
 *
 * @param slug stable identifier, also the tenant id in every tenant-owned table
 * @param displayName the programme's name as shown to its users
 * @param hosts the host names the programme is served on, lower case, first one canonical
 * @param locales supported locales, the first is the default
 * @param notifications the tenant's own wording of messages, by kind
 */
public record TenantConfig(String slug, String displayName, List<String> hosts, List<Locale> locales, Branding branding,
		Identity identity, Billing billing, Workflow workflow,
		Map<NotificationKind, NotificationTemplate> notifications) {

	public TenantConfig {
		hosts = List.copyOf(hosts);
		locales = List.copyOf(locales);
		notifications = Map.copyOf(notifications);
	}

	/** The tenant's own wording for a kind of message, if it has one. */
	public Optional<NotificationTemplate> notification(NotificationKind kind) {
		return Optional.ofNullable(this.notifications.get(kind));
	}

	public Locale defaultLocale() {
		return this.locales.get(0);
	}

	public String canonicalHost() {
		return this.hosts.get(0);
	}

	public boolean supports(Locale locale) {
		return this.locales.stream().anyMatch((l) -> l.getLanguage().equals(locale.getLanguage()));
	}

}

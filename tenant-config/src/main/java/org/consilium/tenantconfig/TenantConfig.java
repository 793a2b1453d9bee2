package org.consilium.tenantconfig;

import java.util.List;
import java.util.Locale;

/**
 * One tenant (programme) on the platform, exactly as validated from its YAML file.
 *
 * @param slug stable identifier, also the tenant id in every tenant-owned table
 * @param displayName the programme's name as shown to its users
 * @param hosts the host names the programme is served on, lower case, first one canonical
 * @param locales supported locales, the first is the default
 */
public record TenantConfig(String slug, String displayName, List<String> hosts, List<Locale> locales, Branding branding,
		Identity identity, Billing billing, Workflow workflow) {

	public TenantConfig {
		hosts = List.copyOf(hosts);
		locales = List.copyOf(locales);
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

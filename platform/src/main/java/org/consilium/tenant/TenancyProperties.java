package org.consilium.tenant;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How hosts map to sites, and where tenant files come from.
 *
 * @param operatorHosts hosts of the operator's site (staff, specialists, platform admins)
 * @param bareHosts hosts that name the installation rather than a programme (what a
 * newcomer types)
 * @param bareHostMode what the bare host shows: the directory of programmes, or a
 * redirect
 * @param redirectTenant the tenant the bare host redirects to in {@code REDIRECT} mode
 * @param tenantsDirectory directory of tenant YAML files; empty means look for
 * tenant-config/tenants
 * @param watchInterval how often to look for changed tenant files (zero: never)
 * @param refreshInterval how often to pick up catalog changes made by other nodes
 */
@ConfigurationProperties("consilium.tenancy")
public record TenancyProperties(@DefaultValue("ops.localhost") List<String> operatorHosts, @DefaultValue( {
		"localhost", "127.0.0.1" }) List<String> bareHosts, @DefaultValue("DIRECTORY") BareHostMode bareHostMode,
		@DefaultValue("public") String redirectTenant, Path tenantsDirectory,
		@DefaultValue("0s") Duration watchInterval, @DefaultValue("15s") Duration refreshInterval){

	public enum BareHostMode {

		/** Show a page listing the installation's programmes. */
		DIRECTORY,
		/** Redirect to {@code redirectTenant}'s site. */
		REDIRECT

	}

}

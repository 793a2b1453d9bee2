package org.consilium.tenant.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.consilium.tenant.TenancyProperties;
import org.consilium.tenantconfig.ConfigProblem;
import org.consilium.tenantconfig.LoadedTenant;

/**
 * The hosts the installation itself answers on (operator and bare hosts), which no tenant
 * may claim, whether it comes from a file or from the console.
 */
final class InstallationHosts {

	private InstallationHosts() {
	}

	static List<ConfigProblem> clashes(List<LoadedTenant> loaded, TenancyProperties properties) {
		List<ConfigProblem> problems = new ArrayList<>();
		for (LoadedTenant tenant : loaded) {
			for (int i = 0; i < tenant.config().hosts().size(); i++) {
				String host = tenant.config().hosts().get(i);
				if (properties.operatorHosts().stream().anyMatch(host::equalsIgnoreCase)
						|| properties.bareHosts().stream().anyMatch(host::equalsIgnoreCase)) {
					problems
						.add(new ConfigProblem(tenant.source(), "hosts[" + i + "]", "'" + host.toLowerCase(Locale.ROOT)
								+ "' is a host of the installation itself (operator or bare host)", 0));
				}
			}
		}
		return problems;
	}

}

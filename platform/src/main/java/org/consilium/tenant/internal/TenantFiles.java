package org.consilium.tenant.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.consilium.tenant.TenancyProperties;
import org.consilium.tenantconfig.ConfigProblem;
import org.consilium.tenantconfig.TenantConfigException;

import org.springframework.stereotype.Component;

/**
 * Finds the directory of tenant files: the configured one, else
 * {@code tenant-config/tenants} relative to where the platform was started (the
 * repository root or the platform module).
 */
@Component
class TenantFiles {

	private static final List<Path> CANDIDATES = List.of(Path.of("tenant-config", "tenants"),
			Path.of("..", "tenant-config", "tenants"));

	private final TenancyProperties properties;

	TenantFiles(TenancyProperties properties) {
		this.properties = properties;
	}

	Path directory() {
		if (this.properties.tenantsDirectory() != null && !this.properties.tenantsDirectory().toString().isEmpty()) {
			return this.properties.tenantsDirectory();
		}
		return CANDIDATES.stream()
			.filter(Files::isDirectory)
			.findFirst()
			.orElseThrow(
					() -> new TenantConfigException(
							List.of(new ConfigProblem("tenant-config/tenants", "",
									"not found from " + Path.of("").toAbsolutePath()
											+ "; set consilium.tenancy.tenants-directory (CONSILIUM_TENANTS_DIR)",
									0))));
	}

}

package org.consilium.tenant;

import java.util.List;
import java.util.Optional;

/**
 * The tenant catalog as currently loaded. Exact matches only: an unknown host or id is
 * empty, never a default tenant.
 */
public interface Tenants {

	Site siteFor(String host);

	Optional<Tenant> find(TenantId id);

	/**
	 * The tenant of the current request or work.
	 * @throws NoTenantException if no tenant is current
	 */
	default Tenant current() {
		TenantId id = TenantContext.current();
		return find(id).orElseThrow(() -> new IllegalStateException("Tenant " + id + " is not in the catalog"));
	}

	List<Tenant> all();

	Optional<TenantAsset> asset(TenantId tenant, String path);

}

package org.consilium.tenant;

import org.consilium.tenantconfig.LoadedTenant;
import org.consilium.tenantconfig.TenantConfigException;

/**
 * Platform-level changes to the tenant catalog made by people (the operator console), as
 * opposed to tenant files. Every method works inside the caller's transaction, so the
 * catalog change commits or rolls back with the rest of the caller's work (the first
 * admin's account, audit entries); this node's catalog is refreshed after the commit, the
 * other nodes' at their next poll. Catalog rows only: no DDL.
 */
public interface TenantConfigAdministration {

	/**
	 * Adds a tenant at configuration version 1.
	 * @param source how the change is named in the catalog and audit log, e.g.
	 * {@code console}
	 * @throws TenantConfigException with the tenant-config loader's own messages when the
	 * slug or a host is already taken (by a tenant or by the installation itself)
	 */
	void create(LoadedTenant tenant, String source, String createdBy);

	/**
	 * Suspends an active tenant: its hosts show the suspended page, and every session and
	 * API token made until now is void for good. Its data is kept.
	 * @throws IllegalStateException if the tenant is not active
	 */
	void suspend(TenantId tenant);

	/**
	 * Makes a suspended tenant active again; sessions and tokens from before the
	 * suspension stay void.
	 * @throws IllegalStateException if the tenant is not suspended
	 */
	void reactivate(TenantId tenant);

}

package org.consilium.tenant;

/**
 * Loads the tenant files into the catalog: new tenants are created, changed files become
 * new configuration versions, unchanged ones are left alone. All or nothing: one invalid
 * file and nothing is applied.
 */
public interface TenantConfigSync {

	TenantSyncReport syncFromFiles(String changedBy);

}

package org.consilium.tenant;

/**
 * Published inside the transaction that stores a new configuration version of a tenant.
 *
 * @param previousVersion 0 when the tenant is new
 */
public record TenantConfigChanged(TenantId tenant, int previousVersion, int version, String source, String changedBy) {

}

package org.consilium.tenant;

/**
 * Thrown when tenant-scoped work runs without a tenant. The boundary fails closed: there
 * is no default tenant.
 */
public class NoTenantException extends IllegalStateException {

	public NoTenantException() {
		super("No tenant is set for this work; tenant-scoped code must run within a tenant's request, "
				+ "or explicitly via TenantContext.callAs(...)");
	}

}

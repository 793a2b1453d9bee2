package org.consilium.tenant;

import org.consilium.tenantconfig.TenantConfig;

/**
 * A tenant as the platform runs it: its validated configuration, the stored version it
 * came from, and whether it is active.
 */
public record Tenant(TenantId id, TenantConfig config, int version, Status status) {

	public boolean isActive() {
		return this.status == Status.ACTIVE;
	}

	public enum Status {

		ACTIVE, SUSPENDED

	}

}

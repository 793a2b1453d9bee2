package org.consilium.tenantconfig;

/**
 * Every role on the platform. Tenant roles belong to one tenant; platform roles belong to
 * the operator and work across tenants.
 */
public enum Role {

	PATIENT(false), REFERRING_PHYSICIAN(false), CASE_COORDINATOR(false), TENANT_ADMIN(false), TRIAGE(true),
	SPECIALIST(true), APPROVER(true), PLATFORM_ADMIN(true);

	private final boolean platform;

	Role(boolean platform) {
		this.platform = platform;
	}

	/** Whether the role belongs to the operator rather than to a tenant. */
	public boolean isPlatformRole() {
		return this.platform;
	}

}

package org.consilium.tenant;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

/**
 * Base of every tenant-owned entity. Hibernate fills and filters {@code tenant_id} from
 * the current tenant; row-level security in PostgreSQL enforces the same boundary for
 * every query, including {@code find(id)} and native SQL, which Hibernate's filter does
 * not guard.
 */
@MappedSuperclass
public abstract class TenantOwned {

	@org.hibernate.annotations.TenantId
	@Column(name = "tenant_id", nullable = false, updatable = false, length = 32)
	private String tenantId;

	public TenantId tenantId() {
		return TenantId.of(this.tenantId);
	}

}

package org.consilium.shell.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.consilium.audit.AuditLog;
import org.consilium.audit.AuditVerification;
import org.consilium.identity.CurrentUser;
import org.consilium.tenant.Tenant;
import org.consilium.tenant.TenantConfigSync;
import org.consilium.tenant.TenantId;
import org.consilium.tenant.TenantSyncReport;
import org.consilium.tenant.Tenants;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * What a platform admin can do from the operator site today: reload tenant files without
 * a restart, and check every audit chain.
 */
@Service
public class OperatorActions {

	private final TenantConfigSync sync;

	private final AuditLog audit;

	private final Tenants tenants;

	OperatorActions(TenantConfigSync sync, AuditLog audit, Tenants tenants) {
		this.sync = sync;
		this.audit = audit;
		this.tenants = tenants;
	}

	@PreAuthorize("hasRole('PLATFORM_ADMIN')")
	public TenantSyncReport reloadTenants() {
		return this.sync.syncFromFiles(CurrentUser.require().id());
	}

	@PreAuthorize("hasRole('PLATFORM_ADMIN')")
	public Map<TenantId, AuditVerification> verifyAuditChains() {
		Map<TenantId, AuditVerification> results = new LinkedHashMap<>();
		results.put(TenantId.PLATFORM, this.audit.verify(TenantId.PLATFORM));
		for (Tenant tenant : this.tenants.all()) {
			results.put(tenant.id(), this.audit.verify(tenant.id()));
		}
		return results;
	}

}

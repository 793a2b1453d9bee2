package org.consilium.audit.internal;

import org.consilium.audit.AuditEntry;
import org.consilium.audit.AuditLog;
import org.consilium.tenant.TenantConfigChanged;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records every new tenant configuration version, in the same transaction that stores it.
 */
@Component
class TenantConfigAuditor {

	private final AuditLog audit;

	TenantConfigAuditor(AuditLog audit) {
		this.audit = audit;
	}

	@EventListener
	void on(TenantConfigChanged event) {
		this.audit.record(AuditEntry.of(event.previousVersion() == 0 ? "TENANT_CREATED" : "TENANT_CONFIG_CHANGED")
			.subject("tenant", event.tenant().value())
			.details("v" + event.previousVersion() + " -> v" + event.version() + " from " + event.source() + " by "
					+ event.changedBy()));
	}

}

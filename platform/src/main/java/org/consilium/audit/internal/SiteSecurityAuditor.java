package org.consilium.audit.internal;

import org.consilium.audit.AuditEntry;
import org.consilium.audit.AuditLog;
import org.consilium.tenant.CrossSiteSessionRejected;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.TenantId;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A session replayed on another site is a security event: it is recorded on the site that
 * refused it (the operator's partition for the operator site).
 */
@Component
class SiteSecurityAuditor {

	private final AuditLog audit;

	SiteSecurityAuditor(AuditLog audit) {
		this.audit = audit;
	}

	@EventListener
	void on(CrossSiteSessionRejected event) {
		TenantContext.runAs(TenantContext.find().orElse(TenantId.PLATFORM),
				() -> this.audit.record(AuditEntry.of("SESSION_REJECTED_WRONG_SITE")
					.subject("path", event.path())
					.details("session of " + event.boundSite() + " presented on " + event.requestSite())));
	}

}

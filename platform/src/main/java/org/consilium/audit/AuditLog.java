package org.consilium.audit;

import java.util.List;

import org.consilium.tenant.TenantId;

/**
 * Writes to and checks the audit log.
 */
public interface AuditLog {

	/**
	 * Appends an entry to the current tenant's chain, inside the caller's transaction:
	 * the entry commits or rolls back with the work it describes.
	 */
	void record(AuditEntry entry);

	/** The most recent entries of the current tenant, newest first. */
	List<AuditRecord> recent(int limit);

	/** Recomputes a partition's chain and reports the first row that does not fit. */
	AuditVerification verify(TenantId partition);

}

package org.consilium.audit;

import java.time.Instant;

/**
 * An audit entry as stored, with its place in the chain.
 */
public record AuditRecord(String tenantId, long seq, Instant occurredAt, String actor, String action,
		String subjectType, String subjectId, String sourceIp, String userAgent, String details, String prevHash,
		String hash) {

}

package org.consilium.audit;

/**
 * One thing worth auditing. Who and from where are taken from the current request; the
 * tenant partition is the current tenant.
 *
 * @param action what happened, e.g. {@code CASE_VIEWED}
 * @param subjectType the kind of thing it happened to, e.g. {@code case}; may be null
 * @param subjectId its id; may be null
 * @param details short free text without health information; may be null
 */
public record AuditEntry(String action, String subjectType, String subjectId, String details) {

	public AuditEntry {
		if (action == null || action.isBlank()) {
			throw new IllegalArgumentException("action is required");
		}
	}

	public static AuditEntry of(String action) {
		return new AuditEntry(action, null, null, null);
	}

	public AuditEntry subject(String type, Object id) {
		return new AuditEntry(this.action, type, (id != null) ? id.toString() : null, this.details);
	}

	public AuditEntry details(String details) {
		return new AuditEntry(this.action, this.subjectType, this.subjectId, details);
	}

}

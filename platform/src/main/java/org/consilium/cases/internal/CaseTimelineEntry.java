package org.consilium.cases.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.consilium.cases.TimelineEntry;
import org.consilium.tenant.TenantOwned;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "case_timeline")
class CaseTimelineEntry extends TenantOwned {

	@Id
	private UUID id;

	@Column(name = "case_id", nullable = false, updatable = false)
	private UUID caseId;

	@Column(name = "occurred_at", nullable = false, updatable = false)
	private Instant occurredAt;

	@Column(nullable = false, updatable = false)
	private String actor;

	@Column(nullable = false, updatable = false)
	private String what;

	@JdbcTypeCode(SqlTypes.JSON)
	@Column(nullable = false, updatable = false)
	private Map<String, String> args = new LinkedHashMap<>();

	/**
	 * Insertion order (set by the database): entries of one instant — a fixed clock, or
	 * several steps in one transaction — keep the order they happened in.
	 */
	@Column(insertable = false, updatable = false)
	private Long seq;

	protected CaseTimelineEntry() {
	}

	CaseTimelineEntry(UUID caseId, Instant occurredAt, String actor, String what, Map<String, String> args) {
		this.id = UUID.randomUUID();
		this.caseId = caseId;
		this.occurredAt = occurredAt;
		this.actor = actor;
		this.what = what;
		this.args = new LinkedHashMap<>(args);
	}

	TimelineEntry view() {
		return new TimelineEntry(this.occurredAt, this.actor, this.what, Map.copyOf(this.args));
	}

}

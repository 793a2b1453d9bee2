package org.consilium.cases.internal;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.consilium.cases.CaseMaterials.Material;
import org.consilium.cases.CaseMaterials.MaterialChannel;
import org.consilium.cases.CaseMaterials.MaterialKind;
import org.consilium.tenant.TenantOwned;

@Entity
@Table(name = "case_material")
class CaseMaterialEntry extends TenantOwned {

	@Id
	private UUID id;

	@Column(name = "case_id", nullable = false, updatable = false)
	private UUID caseId;

	@Column(nullable = false, updatable = false)
	private int position;

	@Column(nullable = false, updatable = false)
	private String description;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, updatable = false)
	private MaterialKind kind;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, updatable = false)
	private MaterialChannel channel;

	@Column(name = "declared_by", nullable = false, updatable = false)
	private String declaredBy;

	@Column(name = "declared_at", nullable = false, updatable = false)
	private Instant declaredAt;

	@Column(name = "received_at")
	private Instant receivedAt;

	@Column(name = "received_by")
	private String receivedBy;

	private String note;

	@Column(name = "record_id")
	private UUID recordId;

	protected CaseMaterialEntry() {
	}

	CaseMaterialEntry(UUID caseId, int position, String description, MaterialKind kind, MaterialChannel channel,
			String declaredBy, Instant declaredAt) {
		this.id = UUID.randomUUID();
		this.caseId = caseId;
		this.position = position;
		this.description = description;
		this.kind = kind;
		this.channel = channel;
		this.declaredBy = declaredBy;
		this.declaredAt = declaredAt;
	}

	UUID id() {
		return this.id;
	}

	UUID caseId() {
		return this.caseId;
	}

	int position() {
		return this.position;
	}

	String declaredBy() {
		return this.declaredBy;
	}

	boolean received() {
		return this.receivedAt != null;
	}

	void receive(Instant at, String by, String note, UUID recordId) {
		this.receivedAt = at;
		this.receivedBy = by;
		this.note = note;
		this.recordId = recordId;
	}

	Material view() {
		return new Material(this.id, this.description, this.kind, this.channel, this.declaredBy, this.declaredAt,
				this.receivedAt, this.receivedBy, this.note, this.recordId);
	}

}

package org.consilium.records.internal;

import java.util.Map;
import java.util.UUID;

import org.consilium.audit.AuditEntry;
import org.consilium.audit.AuditLog;
import org.consilium.cases.CaseAccess;
import org.consilium.cases.CaseActivity;
import org.consilium.cases.CaseId;
import org.consilium.cases.CaseMaterials;
import org.consilium.cases.CaseMaterials.MaterialChannel;
import org.consilium.records.MaterialArrivals;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Arrivals on the timeline and in the audit log; the list item ticked off. */
@Service
class MaterialArrivalService implements MaterialArrivals {

	private final CaseAccess access;

	private final CaseMaterials materials;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	MaterialArrivalService(CaseAccess access, CaseMaterials materials, AuditLog audit,
			ApplicationEventPublisher events) {
		this.access = access;
		this.materials = materials;
		this.audit = audit;
		this.events = events;
	}

	@Override
	@Transactional
	public void logArrival(CaseId caseId, MaterialChannel channel, String description, UUID materialId, UUID recordId) {
		String text = (description != null) ? description.strip() : "";
		if (text.isEmpty() || text.length() > 300) {
			throw new IllegalArgumentException("description");
		}
		if (channel == null || channel == MaterialChannel.UPLOAD) {
			throw new IllegalArgumentException("channel");
		}
		this.access.requireRead(caseId);
		this.audit.record(AuditEntry.of("MATERIAL_ARRIVED")
			.subject("case", caseId)
			.details(channel + ((recordId != null) ? ", scan " + recordId : "")));
		this.events.publishEvent(new CaseActivity(caseId,
				"material-arrived-" + channel.name().toLowerCase(java.util.Locale.ROOT), Map.of("description", text)));
		if (materialId != null) {
			this.materials.markReceived(caseId, materialId, text, recordId);
		}
	}

}

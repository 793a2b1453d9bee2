package org.consilium.review.internal;

import java.time.Clock;
import java.util.List;

import org.consilium.audit.AuditEntry;
import org.consilium.audit.AuditLog;
import org.consilium.cases.Assignment;
import org.consilium.cases.CaseAssignments;
import org.consilium.cases.CaseEvent;
import org.consilium.cases.CaseId;
import org.consilium.cases.CaseLifecycle;
import org.consilium.cases.CaseReference;
import org.consilium.review.PublishedOpinion.Audience;
import org.consilium.tenant.Tenants;
import org.consilium.tenantconfig.NotificationKind;
import org.consilium.tenantconfig.Workflow;

import org.springframework.stereotype.Component;

/**
 * Publishes an approved version in the approving transaction: who receives it follows the
 * programme's delivery rule and whether a doctor takes part; they are e-mailed a link;
 * the specialist's access ends. Delivery is done now unless the doctor reads first, in
 * which case it is done when the doctor first opens it (decision 016).
 */
@Component
class Publication {

	private final Tenants tenants;

	private final OpinionDeliveries deliveries;

	private final CaseLifecycle lifecycle;

	private final CaseAssignments assignments;

	private final OpinionNotices notices;

	private final ServerSteps server;

	private final AuditLog audit;

	private final Clock clock;

	Publication(Tenants tenants, OpinionDeliveries deliveries, CaseLifecycle lifecycle, CaseAssignments assignments,
			OpinionNotices notices, ServerSteps server, AuditLog audit, Clock clock) {
		this.tenants = tenants;
		this.deliveries = deliveries;
		this.lifecycle = lifecycle;
		this.assignments = assignments;
		this.notices = notices;
		this.server = server;
		this.audit = audit;
		this.clock = clock;
	}

	void publish(CaseId caseId, CaseReference reference, int version) {
		CaseLifecycle.Participants party = this.lifecycle.participants(caseId);
		Audience audience = audience(this.tenants.current().config().workflow().delivery(), party.hasPhysician());
		this.deliveries.publish(caseId, version, audience, this.clock.instant());
		this.lifecycle.apply(caseId, CaseEvent.PUBLISH, List.of());
		this.audit.record(AuditEntry.of("OPINION_PUBLISHED")
			.subject("case", caseId)
			.details("version " + version + " to " + audience));
		if (party.hasPhysician()) {
			this.notices.toPhysician(party.physicianId(), reference);
		}
		if (audience.includesPatient()) {
			this.notices.toPatient(NotificationKind.PATIENT_OPINION_READY, party.patientId(), reference);
			this.lifecycle.delivered(caseId);
		}
		// The specialist's review ends with publication; an approver may not end another
		// actor's assignment under their own row limit, so the server does.
		this.server.run(() -> this.assignments.endAll(caseId, Assignment.Task.REVIEW, "published"));
	}

	static Audience audience(Workflow.Delivery delivery, boolean physician) {
		if (!physician) {
			return Audience.PATIENT;
		}
		return (delivery == Workflow.Delivery.DOCTOR_AND_PATIENT) ? Audience.DOCTOR_AND_PATIENT : Audience.DOCTOR;
	}

}

package org.consilium.cases.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.consilium.audit.AuditEntry;
import org.consilium.audit.AuditLog;
import org.consilium.cases.CaseActivity;
import org.consilium.cases.CaseEvent;
import org.consilium.cases.CaseStatus;
import org.consilium.cases.CaseStatusChanged;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.Tenants;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** The one way a case changes status: the state machine, audited, announced. */
@Component
class CaseTransitions {

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Tenants tenants;

	private final Clock clock;

	CaseTransitions(AuditLog audit, ApplicationEventPublisher events, Tenants tenants, Clock clock) {
		this.audit = audit;
		this.events = events;
		this.tenants = tenants;
		this.clock = clock;
	}

	CaseStatus apply(MedicalCase medicalCase, CaseEvent event, List<String> pendingWork) {
		CaseStatus from = medicalCase.apply(event, this.tenants.current().config().workflow(), this.clock.instant(),
				pendingWork);
		this.audit.record(AuditEntry.of("CASE_" + event.name())
			.subject("case", medicalCase.id())
			.details(from + " -> " + medicalCase.status()));
		this.events
			.publishEvent(new CaseActivity(medicalCase.id(), "status", Map.of("status", medicalCase.status().name())));
		this.events.publishEvent(new CaseStatusChanged(TenantContext.current(), medicalCase.id(),
				medicalCase.reference(), from, medicalCase.status(), event));
		return from;
	}

}

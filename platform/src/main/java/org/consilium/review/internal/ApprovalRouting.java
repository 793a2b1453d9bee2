package org.consilium.review.internal;

import org.consilium.audit.AuditEntry;
import org.consilium.audit.AuditLog;
import org.consilium.cases.Assignment;
import org.consilium.cases.CaseActivity;
import org.consilium.cases.CaseAssignments;
import org.consilium.cases.CaseId;
import org.consilium.cases.CaseLifecycle;
import org.consilium.review.OpinionSubmitted;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.Tenants;
import org.consilium.tenantconfig.Workflow;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Where a submitted opinion goes next, in the submitting transaction: to a second reader
 * where the programme asks for one, else (and after the second reader concurs) to an
 * approver. When nobody is eligible nothing is assigned; the case's timeline says so,
 * where triage sees it and assigns by hand (decision 016).
 */
@Component
class ApprovalRouting {

	private final Tenants tenants;

	private final CaseLifecycle lifecycle;

	private final CaseAssignments assignments;

	private final SecondReaders secondReaders;

	private final Approvers approvers;

	private final ApplicationEventPublisher events;

	private final AuditLog audit;

	ApprovalRouting(Tenants tenants, CaseLifecycle lifecycle, CaseAssignments assignments, SecondReaders secondReaders,
			Approvers approvers, ApplicationEventPublisher events, AuditLog audit) {
		this.tenants = tenants;
		this.lifecycle = lifecycle;
		this.assignments = assignments;
		this.secondReaders = secondReaders;
		this.approvers = approvers;
		this.events = events;
		this.audit = audit;
	}

	@EventListener
	void on(OpinionSubmitted submitted) {
		if (!submitted.tenant().equals(TenantContext.current())) {
			throw new IllegalStateException("Opinion of " + submitted.tenant() + " submitted in another tenant");
		}
		if (this.tenants.current().config().workflow().approval() == Workflow.Approval.SECOND_READER) {
			toSecondReader(submitted);
		}
		else {
			toApproval(submitted.caseId());
		}
	}

	/** To the approver with the fewest open approvals. */
	void toApproval(CaseId caseId) {
		this.approvers.leastLoaded()
			.ifPresentOrElse(
					(choice) -> this.assignments.assign(caseId, Assignment.Task.APPROVAL, null, choice.assignee(),
							"Opinion to approve; fewest open approvals (" + choice.openApprovals() + ")"),
					() -> unrouted(caseId, "approval-no-approver"));
	}

	private void toSecondReader(OpinionSubmitted submitted) {
		String specialty = this.lifecycle.summary(submitted.caseId()).specialty();
		this.secondReaders.choose(submitted.caseId(), specialty, submitted.authorSpecialistId())
			.ifPresentOrElse(
					(reader) -> this.assignments.assign(submitted.caseId(), Assignment.Task.SECOND_READ, null, reader,
							"Second read of opinion version " + submitted.version()),
					() -> unrouted(submitted.caseId(), "approval-no-second-reader"));
	}

	private void unrouted(CaseId caseId, String what) {
		this.events.publishEvent(CaseActivity.of(caseId, what));
		this.audit.record(AuditEntry.of("OPINION_UNROUTED").subject("case", caseId).details(what));
	}

}

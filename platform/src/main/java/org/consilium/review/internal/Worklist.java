package org.consilium.review.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.consilium.audit.AuditEntry;
import org.consilium.audit.AuditLog;
import org.consilium.cases.Assignment;
import org.consilium.cases.CaseAssignments;
import org.consilium.cases.CaseLifecycle;
import org.consilium.cases.CaseSummary;
import org.consilium.cases.TurnaroundClock;
import org.consilium.review.CaseKey;
import org.consilium.review.WorkItem;
import org.consilium.tenant.Tenant;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.Tenants;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The signed-in user's open assignments across programmes: each programme's partition is
 * visited in turn, where row-level security shows the user only their own assignments
 * (decision 015), and the results are merged, soonest due first.
 */
@Component
class Worklist {

	private static final Comparator<WorkItem> SOONEST_DUE = Comparator
		.comparing(WorkItem::dueOn, Comparator.nullsLast(Comparator.naturalOrder()))
		.thenComparing(WorkItem::assignedAt);

	private final Tenants tenants;

	private final CaseAssignments assignments;

	private final CaseLifecycle lifecycle;

	private final TurnaroundClock turnaround;

	private final AuditLog audit;

	private final TransactionTemplate transactions;

	Worklist(Tenants tenants, CaseAssignments assignments, CaseLifecycle lifecycle, TurnaroundClock turnaround,
			AuditLog audit, PlatformTransactionManager transactionManager) {
		this.tenants = tenants;
		this.assignments = assignments;
		this.lifecycle = lifecycle;
		this.turnaround = turnaround;
		this.audit = audit;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	List<WorkItem> ofCurrentUser() {
		List<WorkItem> items = new ArrayList<>();
		for (Tenant tenant : this.tenants.all()) {
			items.addAll(TenantContext.callAs(tenant.id(), () -> this.transactions.execute((status) -> in(tenant))));
		}
		items.sort(SOONEST_DUE);
		return List.copyOf(items);
	}

	private List<WorkItem> in(Tenant tenant) {
		List<WorkItem> items = this.assignments.openOfCurrentUser()
			.stream()
			.map((assignment) -> item(tenant, assignment))
			.toList();
		if (!items.isEmpty()) {
			this.audit.record(AuditEntry.of("WORKLIST_VIEWED").details(items.size() + " assignments"));
		}
		return items;
	}

	private WorkItem item(Tenant tenant, Assignment assignment) {
		CaseSummary medicalCase = this.lifecycle.summary(assignment.caseId());
		return new WorkItem(new CaseKey(tenant.id(), medicalCase.reference()), tenant.config().displayName(),
				assignment.id(), assignment.task(), assignment.state(), medicalCase.status(), medicalCase.specialty(),
				medicalCase.dueOn(), this.turnaround.standing(medicalCase).orElse(null), assignment.assignedAt());
	}

}

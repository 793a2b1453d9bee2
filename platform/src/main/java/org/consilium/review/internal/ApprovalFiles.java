package org.consilium.review.internal;

import java.util.List;

import org.consilium.audit.AuditEntry;
import org.consilium.audit.AuditLog;
import org.consilium.cases.Assignment;
import org.consilium.cases.CaseAccess;
import org.consilium.cases.CaseAssignments;
import org.consilium.cases.CaseDetails;
import org.consilium.cases.CaseId;
import org.consilium.cases.Cases;
import org.consilium.review.ApprovalFile;
import org.consilium.review.ApprovalFile.Review;
import org.consilium.review.CaseKey;
import org.consilium.review.OpinionVersion;
import org.consilium.tenant.Tenants;

import org.springframework.stereotype.Component;

/** Puts together a case's approval file, inside its tenant's transaction. */
@Component
class ApprovalFiles {

	private final CaseAccess access;

	private final Cases cases;

	private final OpinionStore opinions;

	private final OpinionReviews reviews;

	private final RereadReports rereads;

	private final PendingWork pending;

	private final CaseAssignments assignments;

	private final Tenants tenants;

	private final AuditLog audit;

	ApprovalFiles(CaseAccess access, Cases cases, OpinionStore opinions, OpinionReviews reviews, RereadReports rereads,
			PendingWork pending, CaseAssignments assignments, Tenants tenants, AuditLog audit) {
		this.access = access;
		this.cases = cases;
		this.opinions = opinions;
		this.reviews = reviews;
		this.rereads = rereads;
		this.pending = pending;
		this.assignments = assignments;
		this.tenants = tenants;
		this.audit = audit;
	}

	ApprovalFile of(CaseKey key) {
		CaseId caseId = this.access.requireRead(key.reference()).id();
		CaseDetails details = this.cases.get(caseId);
		List<Review> all = this.reviews.of(caseId);
		List<ApprovalFile.VersionReviews> versions = this.opinions.all(caseId)
			.stream()
			.filter((version) -> version.state() != OpinionVersion.State.DRAFT)
			.map((version) -> new ApprovalFile.VersionReviews(version,
					all.stream().filter((review) -> review.version() == version.version()).toList()))
			.toList();
		OpinionVersion submitted = this.opinions.latest(caseId)
			.filter((version) -> version.state() == OpinionVersion.State.SUBMITTED)
			.orElse(null);
		this.audit.record(AuditEntry.of("OPINION_FILE_VIEWED").subject("case", caseId));
		return new ApprovalFile(key, caseId, details.status(), details.specialty(), details.request().questions(),
				this.tenants.current().config().workflow().approval(), submitted, versions, this.rereads.of(caseId),
				this.pending.beforeApproving(caseId, (submitted != null) ? submitted.version() : null), action(caseId));
	}

	private ApprovalFile.Action action(CaseId caseId) {
		if (this.assignments.openOfCurrentUser(caseId, Assignment.Task.APPROVAL).isPresent()) {
			return ApprovalFile.Action.APPROVE;
		}
		if (this.assignments.openOfCurrentUser(caseId, Assignment.Task.SECOND_READ).isPresent()) {
			return ApprovalFile.Action.SECOND_READ;
		}
		return ApprovalFile.Action.NONE;
	}

}

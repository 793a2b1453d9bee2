package org.consilium.review.internal;

import java.time.Clock;
import java.util.List;

import org.consilium.audit.AuditEntry;
import org.consilium.audit.AuditLog;
import org.consilium.cases.Assignment;
import org.consilium.cases.CaseAccess;
import org.consilium.cases.CaseAssignments;
import org.consilium.cases.CaseEvent;
import org.consilium.cases.CaseLifecycle;
import org.consilium.cases.CaseSummary;
import org.consilium.cases.IllegalCaseTransitionException;
import org.consilium.identity.CurrentUser;
import org.consilium.review.ApprovalFile;
import org.consilium.review.ApprovalFile.Review;
import org.consilium.review.Approvals;
import org.consilium.review.CaseKey;
import org.consilium.review.OpinionVersion;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Second reads and approvals, each in the case's tenant and transaction. The caller's
 * assignment is finished last: with it ends their access to the case (decision 015).
 */
@Service
class ApprovalService implements Approvals {

	private final InTenant inTenant;

	private final ApprovalFiles files;

	private final CaseAccess access;

	private final CaseAssignments assignments;

	private final CaseLifecycle lifecycle;

	private final OpinionStore opinions;

	private final OpinionReviews reviews;

	private final PendingWork pending;

	private final ApprovalRouting routing;

	private final Publication publication;

	private final AuditLog audit;

	private final Clock clock;

	ApprovalService(InTenant inTenant, ApprovalFiles files, CaseAccess access, CaseAssignments assignments,
			CaseLifecycle lifecycle, OpinionStore opinions, OpinionReviews reviews, PendingWork pending,
			ApprovalRouting routing, Publication publication, AuditLog audit, Clock clock) {
		this.inTenant = inTenant;
		this.files = files;
		this.access = access;
		this.assignments = assignments;
		this.lifecycle = lifecycle;
		this.opinions = opinions;
		this.reviews = reviews;
		this.pending = pending;
		this.routing = routing;
		this.publication = publication;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	public ApprovalFile file(CaseKey key) {
		// not read-only: the read is audited in the same transaction
		return this.inTenant.write(key, () -> this.files.of(key));
	}

	@Override
	public void concur(CaseKey key, String comment) {
		String text = Comments.optional(comment);
		this.inTenant.write(key, () -> {
			Work work = begin(key, Assignment.Task.SECOND_READ, CaseEvent.APPROVE);
			review(work, Review.Kind.SECOND_READ, Review.Outcome.CONCUR, text);
			this.routing.toApproval(work.caseSummary().id());
			this.assignments.finish(work.caseSummary().id(), work.assignment().id());
		});
	}

	@Override
	public void disagree(CaseKey key, String comment) {
		String text = Comments.required(comment);
		this.inTenant.write(key, () -> {
			Work work = begin(key, Assignment.Task.SECOND_READ, CaseEvent.RETURN);
			review(work, Review.Kind.SECOND_READ, Review.Outcome.DISAGREE, text);
			sendBack(work);
			this.assignments.finish(work.caseSummary().id(), work.assignment().id());
		});
	}

	@Override
	public void approve(CaseKey key, String comment) {
		String text = Comments.optional(comment);
		this.inTenant.write(key, () -> {
			Work work = begin(key, Assignment.Task.APPROVAL, CaseEvent.APPROVE);
			this.lifecycle.apply(work.caseSummary().id(), CaseEvent.APPROVE,
					this.pending.beforeApproving(work.caseSummary().id(), work.version()));
			move(work, OpinionVersion.State.APPROVED);
			review(work, Review.Kind.APPROVAL, Review.Outcome.APPROVED, text);
			this.publication.publish(work.caseSummary().id(), work.caseSummary().reference(), work.version());
			this.assignments.finish(work.caseSummary().id(), work.assignment().id());
		});
	}

	@Override
	public void returnOpinion(CaseKey key, String comment) {
		String text = Comments.required(comment);
		this.inTenant.write(key, () -> {
			Work work = begin(key, Assignment.Task.APPROVAL, CaseEvent.RETURN);
			review(work, Review.Kind.APPROVAL, Review.Outcome.RETURNED, text);
			sendBack(work);
			this.assignments.finish(work.caseSummary().id(), work.assignment().id());
		});
	}

	/**
	 * The caller's open assignment for the task and the version waiting for it.
	 * @throws AccessDeniedException unless the caller holds the task
	 * @throws IllegalCaseTransitionException if no version waits for review
	 */
	private Work begin(CaseKey key, Assignment.Task task, CaseEvent event) {
		CaseSummary summary = this.access.requireRead(key.reference());
		Assignment assignment = this.assignments.openOfCurrentUser(summary.id(), task)
			.orElseThrow(() -> new AccessDeniedException("No open " + task + " of the current user on " + key.path()));
		int version = this.opinions.latest(summary.id())
			.filter((latest) -> latest.state() == OpinionVersion.State.SUBMITTED)
			.map(OpinionVersion::version)
			.orElseThrow(() -> new IllegalCaseTransitionException(summary.status(), event));
		return new Work(summary, assignment, version);
	}

	/** Back to the specialist, whose review stays open: they revise and submit again. */
	private void sendBack(Work work) {
		move(work, OpinionVersion.State.RETURNED);
		this.lifecycle.apply(work.caseSummary().id(), CaseEvent.RETURN, List.of());
	}

	private void move(Work work, OpinionVersion.State to) {
		if (!this.opinions.move(work.caseSummary().id(), work.version(), OpinionVersion.State.SUBMITTED, to,
				this.clock.instant())) {
			throw new IllegalStateException("Version " + work.version() + " is no longer submitted");
		}
	}

	private void review(Work work, Review.Kind kind, Review.Outcome outcome, String comment) {
		this.reviews.add(work.caseSummary().id(), work.version(), kind, outcome, comment, CurrentUser.require(),
				this.clock.instant());
		this.audit.record(AuditEntry.of("OPINION_" + kind + "_" + outcome)
			.subject("case", work.caseSummary().id())
			.details("version " + work.version()));
	}

	private record Work(CaseSummary caseSummary, Assignment assignment, int version) {
	}

}

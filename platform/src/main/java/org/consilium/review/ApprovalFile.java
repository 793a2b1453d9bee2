package org.consilium.review;

import java.time.Instant;
import java.util.List;

import org.consilium.cases.CaseId;
import org.consilium.cases.CaseStatus;
import org.consilium.tenantconfig.Workflow;

/**
 * What an approver or second reader needs to decide on a case's opinion.
 *
 * @param questions the patient's questions, in their order
 * @param submitted the version to review, or null when none is waiting
 * @param versions every version handed in (drafts aside), oldest first, with its reviews
 * @param pending message keys of what must still happen before approval
 * @param action what the caller's open assignment on the case lets them do
 */
public record ApprovalFile(CaseKey key, CaseId caseId, CaseStatus status, String specialty, List<String> questions,
		Workflow.Approval mode, OpinionVersion submitted, List<VersionReviews> versions, List<RereadReport> rereads,
		List<String> pending, Action action) {

	public ApprovalFile {
		questions = List.copyOf(questions);
		versions = List.copyOf(versions);
		rereads = List.copyOf(rereads);
		pending = List.copyOf(pending);
	}

	/** What the caller may do now. */
	public enum Action {

		/** They hold the approval: approve or return. */
		APPROVE,
		/** They hold the second read: concur or disagree. */
		SECOND_READ,
		/** Nothing (they may only read). */
		NONE

	}

	/** A version and what reviewers said of it. */
	public record VersionReviews(OpinionVersion version, List<Review> reviews) {

		public VersionReviews {
			reviews = List.copyOf(reviews);
		}

	}

	/** A second read or an approval decision on one version. */
	public record Review(int version, Kind kind, Outcome outcome, String comment, String reviewerName,
			Instant reviewedAt) {

		public enum Kind {

			SECOND_READ, APPROVAL

		}

		public enum Outcome {

			CONCUR, DISAGREE, APPROVED, RETURNED

		}

	}

}

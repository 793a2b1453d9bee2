package org.consilium.review.internal;

import java.util.ArrayList;
import java.util.List;

import org.consilium.cases.CaseId;
import org.consilium.review.ApprovalFile.Review;
import org.consilium.review.RereadReport;
import org.consilium.tenant.Tenants;
import org.consilium.tenantconfig.Workflow;

import org.springframework.stereotype.Component;

/**
 * What must happen before a version may be approved, as message keys for the state
 * machine's guard: every re-read done (or cancelled) and, where the programme asks for a
 * second reader, their concurrence with this version.
 */
@Component
class PendingWork {

	private final RereadReports rereads;

	private final OpinionReviews reviews;

	private final Tenants tenants;

	PendingWork(RereadReports rereads, OpinionReviews reviews, Tenants tenants) {
		this.rereads = rereads;
		this.reviews = reviews;
		this.tenants = tenants;
	}

	List<String> beforeApproving(CaseId caseId, Integer version) {
		List<String> pending = new ArrayList<>();
		for (RereadReport reread : this.rereads.of(caseId)) {
			String key = "approval.pending." + reread.kind().name().toLowerCase(java.util.Locale.ROOT) + "-reread";
			if (!reread.isSettled() && !pending.contains(key)) {
				pending.add(key);
			}
		}
		boolean secondReader = this.tenants.current().config().workflow().approval() == Workflow.Approval.SECOND_READER;
		if (secondReader && (version == null || !this.reviews.has(caseId, version, Review.Outcome.CONCUR))) {
			pending.add("approval.pending.second-read");
		}
		return pending;
	}

}

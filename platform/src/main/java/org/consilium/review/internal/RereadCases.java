package org.consilium.review.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.consilium.cases.Assignment;
import org.consilium.cases.AssignmentNotFoundException;
import org.consilium.cases.CaseAccess;
import org.consilium.cases.CaseAssignments;
import org.consilium.cases.CaseId;
import org.consilium.cases.CaseStatus;
import org.consilium.cases.CaseSummary;
import org.consilium.identity.CurrentUser;
import org.consilium.review.CaseKey;
import org.consilium.review.Reread;
import org.consilium.review.ReviewProblems;

import org.springframework.stereotype.Component;

/**
 * The case side of re-reads, inside the case's tenant transaction: which case a key
 * names, whether it still takes re-reads, and who holds each re-read now (as far as the
 * caller may see assignments: triage all, a reader their own).
 */
@Component
class RereadCases {

	/** From triage until the opinion is approved. */
	static final Set<CaseStatus> OPEN_FOR_REREADS = EnumSet.of(CaseStatus.READY_FOR_TRIAGE, CaseStatus.ASSIGNED,
			CaseStatus.IN_REVIEW, CaseStatus.OPINION_SUBMITTED, CaseStatus.RETURNED);

	private final CaseAccess access;

	private final CaseAssignments assignments;

	private final RereadStore store;

	RereadCases(CaseAccess access, CaseAssignments assignments, RereadStore store) {
		this.access = access;
		this.assignments = assignments;
		this.store = store;
	}

	/**
	 * @throws org.consilium.cases.CaseNotFoundException if the caller may not see it
	 */
	CaseSummary readable(CaseKey key) {
		return this.access.requireRead(key.reference());
	}

	/** A case the caller may see and that still takes re-reads. */
	CaseSummary open(CaseKey key) {
		return requireOpen(readable(key));
	}

	static CaseSummary requireOpen(CaseSummary summary) {
		if (!OPEN_FOR_REREADS.contains(summary.status())) {
			throw ReviewProblems.of("case", "reread.error.case-not-open");
		}
		return summary;
	}

	RereadStore.Row pendingReread(CaseId caseId, UUID rereadId) {
		return this.store.find(caseId, rereadId)
			.filter((row) -> row.state() == Reread.State.REQUESTED || row.state() == Reread.State.ASSIGNED)
			.orElseThrow(RereadCases::closed);
	}

	/** Open re-read assignments the caller may see, by re-read. */
	Map<UUID, Assignment> holders(CaseId caseId) {
		return this.assignments.ofCase(caseId)
			.stream()
			.filter((a) -> a.isOpen() && a.rereadId() != null)
			.collect(Collectors.toMap(Assignment::rereadId, Function.identity(), (a, b) -> b));
	}

	/** The caller's own open assignment for the re-read. */
	Assignment mine(CaseId caseId, UUID rereadId) {
		Assignment held = holders(caseId).get(rereadId);
		if (held == null || !held.actorId().equals(CurrentUser.require().id())) {
			throw new AssignmentNotFoundException(rereadId);
		}
		return held;
	}

	List<Reread> all(CaseId caseId) {
		Map<UUID, Assignment> holders = holders(caseId);
		return this.store.ofCase(caseId).stream().map((row) -> view(row, holders.get(row.id()))).toList();
	}

	Reread view(CaseId caseId, UUID rereadId) {
		RereadStore.Row row = this.store.find(caseId, rereadId).orElseThrow(RereadCases::closed);
		return view(row, holders(caseId).get(rereadId));
	}

	static Reread view(RereadStore.Row row, Assignment holder) {
		return new Reread(row.id(), row.caseId(), row.kind(), row.state(), row.note(), row.requestedByName(),
				row.requestedAt(), (holder != null) ? holder.actorName() : null,
				(holder != null) ? holder.state() : null, row.report());
	}

	/** The kind's name as a message key, for timeline arguments. */
	static String kindKey(Reread.Kind kind) {
		return "reread.kind." + kind.name().toLowerCase(java.util.Locale.ROOT);
	}

	static ReviewProblems closed() {
		return ReviewProblems.of("reread", "reread.error.closed");
	}

}

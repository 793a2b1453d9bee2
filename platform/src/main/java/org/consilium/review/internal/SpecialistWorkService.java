package org.consilium.review.internal;

import java.util.List;
import java.util.Optional;

import org.consilium.audit.AuditEntry;
import org.consilium.audit.AuditLog;
import org.consilium.cases.Assignment;
import org.consilium.cases.CaseAccess;
import org.consilium.cases.CaseAssignments;
import org.consilium.cases.CaseSummary;
import org.consilium.cases.InvalidCaseException;
import org.consilium.review.CaseFile;
import org.consilium.review.CaseKey;
import org.consilium.review.OpinionContent;
import org.consilium.review.OpinionVersion;
import org.consilium.review.ReviewProblems;
import org.consilium.review.SpecialistWork;
import org.consilium.review.WorkItem;

import org.springframework.stereotype.Service;

/**
 * The specialist's workspace. Every call about a case runs in that case's programme
 * ({@link InTenant}), where the case is found by its reference under the caller's access:
 * checked by {@link CaseAccess} and, independently, by row-level security.
 */
@Service
class SpecialistWorkService implements SpecialistWork {

	private static final int MAX_REASON = 1_000;

	private final InTenant inTenant;

	private final Worklist worklist;

	private final CaseFiles files;

	private final OpinionWriting writing;

	private final OpinionStore opinions;

	private final CaseAccess access;

	private final CaseAssignments assignments;

	private final AuditLog audit;

	SpecialistWorkService(InTenant inTenant, Worklist worklist, CaseFiles files, OpinionWriting writing,
			OpinionStore opinions, CaseAccess access, CaseAssignments assignments, AuditLog audit) {
		this.inTenant = inTenant;
		this.worklist = worklist;
		this.files = files;
		this.writing = writing;
		this.opinions = opinions;
		this.access = access;
		this.assignments = assignments;
		this.audit = audit;
	}

	@Override
	public List<WorkItem> worklist() {
		return this.worklist.ofCurrentUser();
	}

	@Override
	public CaseFile caseFile(CaseKey key) {
		return this.inTenant.write(key, () -> this.files.read(key, find(key).id()));
	}

	@Override
	public Assignment accept(CaseKey key, Assignment.Task task) {
		return this.inTenant.write(key, () -> {
			Assignment mine = own(find(key), task);
			return this.assignments.accept(mine.caseId(), mine.id());
		});
	}

	@Override
	public void decline(CaseKey key, Assignment.Task task, String reason) {
		String why = (reason != null) ? reason.strip() : "";
		if (why.isEmpty()) {
			throw ReviewProblems.of("reason", "work.error.reason-required");
		}
		if (why.length() > MAX_REASON) {
			throw ReviewProblems.of("reason", "work.error.reason-length");
		}
		this.inTenant.write(key, () -> {
			Assignment mine = own(find(key), task);
			try {
				this.assignments.decline(mine.caseId(), mine.id(), why);
			}
			catch (InvalidCaseException ex) {
				throw ReviewProblems.of("reason", ex.messageKey());
			}
		});
	}

	@Override
	public OpinionVersion saveDraft(CaseKey key, OpinionContent content) {
		return this.inTenant.write(key, () -> this.writing.saveDraft(key, content));
	}

	@Override
	public OpinionVersion submitOpinion(CaseKey key) {
		return this.inTenant.write(key, () -> this.writing.submit(key));
	}

	@Override
	public List<OpinionVersion> versions(CaseKey key) {
		return this.inTenant.write(key, () -> {
			CaseSummary medicalCase = find(key);
			List<OpinionVersion> versions = this.opinions.all(medicalCase.id());
			if (!versions.isEmpty()) {
				this.audit.record(AuditEntry.of("OPINION_VIEWED")
					.subject("case", medicalCase.id())
					.details(versions.size() + " versions"));
			}
			return versions;
		});
	}

	@Override
	public Optional<ReviewNote> lastReview(CaseKey key) {
		return this.inTenant.read(key, () -> this.files.lastReview(find(key).id()));
	}

	private CaseSummary find(CaseKey key) {
		return this.access.requireRead(key.reference());
	}

	private Assignment own(CaseSummary medicalCase, Assignment.Task task) {
		return this.assignments.openOfCurrentUser(medicalCase.id(), task)
			.orElseThrow(() -> ReviewProblems.of("form", "work.error.no-assignment"));
	}

}

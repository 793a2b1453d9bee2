package org.consilium.review.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.consilium.audit.AuditEntry;
import org.consilium.audit.AuditLog;
import org.consilium.cases.Assignment;
import org.consilium.cases.CaseAccess;
import org.consilium.cases.CaseActivity;
import org.consilium.cases.CaseAssignments;
import org.consilium.cases.CaseEvent;
import org.consilium.cases.CaseId;
import org.consilium.cases.CaseLifecycle;
import org.consilium.cases.CaseStatus;
import org.consilium.cases.CaseSummary;
import org.consilium.cases.Cases;
import org.consilium.identity.ConsiliumUser;
import org.consilium.identity.CurrentUser;
import org.consilium.physician.DoctorHistory;
import org.consilium.review.CaseKey;
import org.consilium.review.OpinionContent;
import org.consilium.review.OpinionSubmitted;
import org.consilium.review.OpinionVersion;
import org.consilium.review.ReviewProblems;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The specialist writes the opinion: drafts saved as they type, then one submission that
 * checks the draft, freezes it and moves the case on. Runs inside the case's tenant
 * transaction ({@link InTenant}); only the holder of the accepted review writes, and only
 * while the case is in review or returned.
 */
@Component
class OpinionWriting {

	private static final Set<CaseStatus> WRITABLE = EnumSet.of(CaseStatus.IN_REVIEW, CaseStatus.RETURNED);

	private final CaseAccess access;

	private final CaseAssignments assignments;

	private final Cases cases;

	private final DoctorHistory doctors;

	private final CaseLifecycle lifecycle;

	private final OpinionStore opinions;

	private final ApplicationEventPublisher events;

	private final AuditLog audit;

	private final Clock clock;

	OpinionWriting(CaseAccess access, CaseAssignments assignments, Cases cases, DoctorHistory doctors,
			CaseLifecycle lifecycle, OpinionStore opinions, ApplicationEventPublisher events, AuditLog audit,
			Clock clock) {
		this.access = access;
		this.assignments = assignments;
		this.cases = cases;
		this.doctors = doctors;
		this.lifecycle = lifecycle;
		this.opinions = opinions;
		this.events = events;
		this.audit = audit;
		this.clock = clock;
	}

	OpinionVersion saveDraft(CaseKey key, OpinionContent content) {
		CaseSummary medicalCase = this.access.requireRead(key.reference());
		requireWriter(medicalCase);
		OpinionContent clean = OpinionRules.clean(content);
		Map<String, List<String>> problems = OpinionRules.sizes(clean);
		if (!problems.isEmpty()) {
			throw new ReviewProblems(problems);
		}
		boolean starts = this.opinions.latest(medicalCase.id())
			.map((latest) -> latest.state() != OpinionVersion.State.DRAFT)
			.orElse(true);
		ConsiliumUser me = CurrentUser.require();
		OpinionVersion saved = this.opinions.saveDraft(medicalCase.id(), clean, me.id(), me.displayName(),
				this.clock.instant());
		if (starts) {
			this.audit.record(AuditEntry.of("OPINION_DRAFT_STARTED")
				.subject("case", medicalCase.id())
				.details("version " + saved.version()));
		}
		return saved;
	}

	OpinionVersion submit(CaseKey key) {
		CaseSummary medicalCase = this.access.requireRead(key.reference());
		Assignment review = requireWriter(medicalCase);
		CaseId caseId = medicalCase.id();
		OpinionVersion draft = this.opinions.latest(caseId)
			.filter((latest) -> latest.state() == OpinionVersion.State.DRAFT)
			.orElseThrow(() -> ReviewProblems.of("form", "work.error.no-draft"));
		OpinionContent content = OpinionRules.aligned(draft.content(), questions(caseId));
		Map<String, List<String>> problems = OpinionRules.forSubmission(content);
		if (!problems.isEmpty()) {
			throw new ReviewProblems(problems);
		}
		ConsiliumUser me = CurrentUser.require();
		Instant now = this.clock.instant();
		if (!content.equals(draft.content())) {
			this.opinions.saveDraft(caseId, content, me.id(), me.displayName(), now);
		}
		this.opinions.move(caseId, draft.version(), OpinionVersion.State.DRAFT, OpinionVersion.State.SUBMITTED, now);
		this.lifecycle.apply(caseId,
				(medicalCase.status() == CaseStatus.RETURNED) ? CaseEvent.RESUBMIT : CaseEvent.SUBMIT_OPINION,
				List.of());
		this.audit
			.record(AuditEntry.of("OPINION_SUBMITTED").subject("case", caseId).details("version " + draft.version()));
		this.events.publishEvent(
				new CaseActivity(caseId, "opinion-submitted", Map.of("version", String.valueOf(draft.version()))));
		this.events
			.publishEvent(new OpinionSubmitted(key.tenant(), caseId, draft.version(), me.id(), review.specialistId()));
		return this.opinions.version(caseId, draft.version()).orElseThrow();
	}

	/** The patient's questions, then the doctor's. */
	private List<String> questions(CaseId caseId) {
		List<String> questions = new ArrayList<>(this.cases.get(caseId).request().questions());
		this.doctors.forCase(caseId).ifPresent((report) -> questions.addAll(report.questions()));
		return questions;
	}

	private Assignment requireWriter(CaseSummary medicalCase) {
		Assignment review = this.assignments.openOfCurrentUser(medicalCase.id(), Assignment.Task.REVIEW)
			.filter((assignment) -> assignment.state() == Assignment.State.ACCEPTED)
			.orElseThrow(() -> ReviewProblems.of("form", "work.error.accept-first"));
		if (!WRITABLE.contains(medicalCase.status())) {
			throw ReviewProblems.of("form", "work.error.not-writable");
		}
		return review;
	}

}

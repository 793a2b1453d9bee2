package org.consilium.review.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.consilium.audit.AuditEntry;
import org.consilium.audit.AuditLog;
import org.consilium.cases.Assignment;
import org.consilium.cases.CaseActivity;
import org.consilium.cases.CaseAssignments;
import org.consilium.cases.CaseId;
import org.consilium.cases.CaseSummary;
import org.consilium.identity.ConsiliumUser;
import org.consilium.identity.CurrentUser;
import org.consilium.review.CaseKey;
import org.consilium.review.Reread;
import org.consilium.review.RereadDesk;
import org.consilium.review.Rereads;
import org.consilium.review.ReviewProblems;
import org.consilium.specialists.Ranking;
import org.consilium.specialists.SpecialistDirectory;
import org.consilium.tenantconfig.Role;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Requesting, assigning and cancelling re-reads (triage and the reviewing specialist);
 * the reader's side is {@link RereadReading}. Each action is one transaction in the
 * case's programme, audited, and on the case's timeline.
 */
@Service
class RereadService implements Rereads {

	private final InTenant inTenant;

	private final RereadCases cases;

	private final RereadStore store;

	private final RereadSuggestions suggestions;

	private final RereadReading reading;

	private final CaseAssignments assignments;

	private final SpecialistDirectory directory;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	RereadService(InTenant inTenant, RereadCases cases, RereadStore store, RereadSuggestions suggestions,
			RereadReading reading, CaseAssignments assignments, SpecialistDirectory directory, AuditLog audit,
			ApplicationEventPublisher events, Clock clock) {
		this.inTenant = inTenant;
		this.cases = cases;
		this.store = store;
		this.suggestions = suggestions;
		this.reading = reading;
		this.assignments = assignments;
		this.directory = directory;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	@Override
	public Reread request(CaseKey key, Reread.Kind kind, String note) {
		String text = RereadInput.note(kind, note);
		ConsiliumUser me = CurrentUser.require();
		return this.inTenant.write(key, () -> {
			CaseSummary medicalCase = this.cases.readable(key);
			if (!me.has(Role.TRIAGE) && this.assignments.openOfCurrentUser(medicalCase.id(), Assignment.Task.REVIEW)
				.filter((review) -> review.state() == Assignment.State.ACCEPTED)
				.isEmpty()) {
				throw new AccessDeniedException("Only triage or the accepted reviewer may ask for a re-read");
			}
			RereadCases.requireOpen(medicalCase);
			RereadStore.Row row = this.store.insert(medicalCase.id(), kind, text, me.displayName(),
					this.clock.instant());
			this.audit.record(AuditEntry.of("REREAD_REQUESTED").subject("case", medicalCase.id()).details(kind.name()));
			activity(medicalCase.id(), "reread-requested", kind);
			return RereadCases.view(row, null);
		});
	}

	@Override
	public List<Reread> ofCase(CaseKey key) {
		return this.inTenant.read(key, () -> this.cases.all(this.cases.readable(key).id()));
	}

	@Override
	public List<Ranking.Suggestion> suggestions(CaseKey key, UUID rereadId) {
		return this.suggestions.rank(key, rereadId);
	}

	@Override
	public Reread assign(CaseKey key, UUID rereadId, String specialistId, String reason) {
		String why = RereadInput.reason(reason);
		SpecialistDirectory.SignIn reader = (specialistId != null
				&& this.suggestions.eligible(key, rereadId, specialistId))
						? this.directory.signIn(specialistId).orElse(null) : null;
		if (reader == null) {
			throw ReviewProblems.of("specialist", "reread.error.not-eligible");
		}
		return this.inTenant.write(key, () -> {
			CaseId caseId = this.cases.open(key).id();
			RereadStore.Row row = this.cases.pendingReread(caseId, rereadId);
			this.assignments.assign(caseId, row.kind().task(), rereadId,
					new Assignment.Assignee(reader.accountId(), reader.displayName(), reader.specialistId()), why);
			this.store.move(caseId, rereadId, Reread.State.ASSIGNED, Reread.State.REQUESTED, Reread.State.ASSIGNED);
			this.audit.record(AuditEntry.of("REREAD_ASSIGNED")
				.subject("case", caseId)
				.details(row.kind() + " " + rereadId + " to " + reader.specialistId()));
			return this.cases.view(caseId, rereadId);
		});
	}

	@Override
	public void cancel(CaseKey key, UUID rereadId, String reason) {
		String why = RereadInput.reason(reason);
		this.inTenant.write(key, () -> {
			CaseId caseId = this.cases.readable(key).id();
			RereadStore.Row row = this.cases.pendingReread(caseId, rereadId);
			Assignment holder = this.cases.holders(caseId).get(rereadId);
			this.store.move(caseId, rereadId, Reread.State.CANCELLED, Reread.State.REQUESTED, Reread.State.ASSIGNED);
			this.audit
				.record(AuditEntry.of("REREAD_CANCELLED").subject("case", caseId).details(row.kind() + ": " + why));
			activity(caseId, "reread-cancelled", row.kind());
			if (holder != null) {
				this.assignments.end(caseId, holder.id(), "re-read cancelled: " + why);
			}
		});
	}

	@Override
	public Reread accept(CaseKey key, UUID rereadId) {
		return this.reading.accept(key, rereadId);
	}

	@Override
	public void decline(CaseKey key, UUID rereadId, String reason) {
		this.reading.decline(key, rereadId, reason);
	}

	@Override
	public Reread report(CaseKey key, UUID rereadId, String findings, String impression,
			Reread.Concordance concordance) {
		return this.reading.report(key, rereadId, findings, impression, concordance);
	}

	@Override
	public RereadDesk desk(CaseKey key) {
		return this.reading.desk(key);
	}

	@Override
	@Transactional(readOnly = true)
	public List<String> pendingBeforeApproval(CaseId caseId) {
		return this.store.pending(caseId).stream().map((kind) -> "reread.pending." + kind.name()).toList();
	}

	@Override
	public java.util.Set<Reread.Kind> done(CaseId caseId) {
		return this.store.done(caseId);
	}

	private void activity(CaseId caseId, String what, Reread.Kind kind) {
		this.events.publishEvent(new CaseActivity(caseId, what, Map.of("kindKey", RereadCases.kindKey(kind))));
	}

}

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
import org.consilium.cases.CaseDetails;
import org.consilium.cases.CaseId;
import org.consilium.cases.CaseNotFoundException;
import org.consilium.cases.Cases;
import org.consilium.identity.CurrentUser;
import org.consilium.records.Records;
import org.consilium.review.CaseKey;
import org.consilium.review.Reread;
import org.consilium.review.RereadDesk;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The radiologist's or pathologist's side of a re-read: their desk, accepting or
 * declining, and the report. Whatever ends their assignment does so last, because after
 * that row-level security hides the case from them (decision 015).
 */
@Component
class RereadReading {

	private final InTenant inTenant;

	private final RereadCases cases;

	private final RereadStore store;

	private final CaseAssignments assignments;

	private final Cases caseFiles;

	private final Records records;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	RereadReading(InTenant inTenant, RereadCases cases, RereadStore store, CaseAssignments assignments, Cases caseFiles,
			Records records, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
		this.inTenant = inTenant;
		this.cases = cases;
		this.store = store;
		this.assignments = assignments;
		this.caseFiles = caseFiles;
		this.records = records;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/** Reading the case file is audited (by the cases and records modules), so: write. */
	RereadDesk desk(CaseKey key) {
		return this.inTenant.write(key, () -> {
			CaseId caseId = this.cases.readable(key).id();
			String me = CurrentUser.require().id();
			Map<UUID, Assignment> holders = this.cases.holders(caseId);
			List<Reread> mine = this.store.ofCase(caseId)
				.stream()
				.filter((row) -> holders.containsKey(row.id()) && holders.get(row.id()).actorId().equals(me))
				.map((row) -> RereadCases.view(row, holders.get(row.id())))
				.toList();
			if (mine.isEmpty()) {
				throw new CaseNotFoundException(key.path());
			}
			CaseDetails details = this.caseFiles.get(caseId);
			return new RereadDesk(caseId, key, details.specialty(), details.request().questions(), mine,
					this.records.list(caseId));
		});
	}

	Reread accept(CaseKey key, UUID rereadId) {
		return this.inTenant.write(key, () -> {
			CaseId caseId = this.cases.readable(key).id();
			this.assignments.accept(caseId, this.cases.mine(caseId, rereadId).id());
			return this.cases.view(caseId, rereadId);
		});
	}

	void decline(CaseKey key, UUID rereadId, String reason) {
		String why = RereadInput.reason(reason);
		this.inTenant.write(key, () -> {
			CaseId caseId = this.cases.readable(key).id();
			Assignment mine = this.cases.mine(caseId, rereadId);
			this.store.move(caseId, rereadId, Reread.State.REQUESTED, Reread.State.ASSIGNED);
			this.assignments.decline(caseId, mine.id(), why);
		});
	}

	Reread report(CaseKey key, UUID rereadId, String findings, String impression, Reread.Concordance concordance) {
		String[] texts = RereadInput.report(findings, impression, concordance);
		String reader = CurrentUser.require().displayName();
		return this.inTenant.write(key, () -> {
			CaseId caseId = this.cases.readable(key).id();
			Assignment mine = this.cases.mine(caseId, rereadId);
			Reread.Report report = new Reread.Report(texts[0], texts[1], concordance, reader, this.clock.instant());
			if (!this.store.done(caseId, rereadId, report)) {
				throw RereadCases.closed();
			}
			Reread done = this.cases.view(caseId, rereadId);
			this.audit.record(AuditEntry.of("REREAD_REPORTED")
				.subject("case", caseId)
				.details(done.kind() + " " + rereadId + ": " + concordance));
			this.events.publishEvent(
					new CaseActivity(caseId, "reread-done", Map.of("kindKey", RereadCases.kindKey(done.kind()))));
			this.assignments.finish(caseId, mine.id());
			return done;
		});
	}

}

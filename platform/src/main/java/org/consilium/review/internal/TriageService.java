package org.consilium.review.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.consilium.audit.AuditEntry;
import org.consilium.audit.AuditLog;
import org.consilium.cases.Assignment;
import org.consilium.cases.CaseAccess;
import org.consilium.cases.CaseActivity;
import org.consilium.cases.CaseAssignments;
import org.consilium.cases.CaseDetails;
import org.consilium.cases.CaseEvent;
import org.consilium.cases.CaseId;
import org.consilium.cases.CaseLifecycle;
import org.consilium.cases.CaseReference;
import org.consilium.cases.CaseStatus;
import org.consilium.cases.CaseSummary;
import org.consilium.cases.Cases;
import org.consilium.cases.TurnaroundClock;
import org.consilium.identity.Contacts;
import org.consilium.identity.Demographics;
import org.consilium.identity.PatientProfiles;
import org.consilium.notify.Notice;
import org.consilium.notify.Notifications;
import org.consilium.review.CaseKey;
import org.consilium.review.ReviewProblems;
import org.consilium.review.Triage;
import org.consilium.specialists.Ranking;
import org.consilium.specialists.SpecialistCard;
import org.consilium.specialists.SpecialistDirectory;
import org.consilium.tenant.SiteLinks;
import org.consilium.tenant.Tenant;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.Tenants;
import org.consilium.tenantconfig.NotificationKind;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Triage over every programme. Lists visit each tenant's partition in turn; decisions on
 * a case run inside its tenant (decision 015).
 */
@Service
class TriageService implements Triage {

	static final int SUGGESTIONS = 10;

	private static final int QUEUE_LIMIT_PER_PROGRAMME = 200;

	private static final int MAX_TEXT = 1_000;

	private final Tenants tenants;

	private final InTenant inTenant;

	private final Cases cases;

	private final CaseAccess access;

	private final CaseLifecycle lifecycle;

	private final CaseAssignments assignments;

	private final TurnaroundClock turnaround;

	private final SpecialistDirectory directory;

	private final AssignmentLoad load;

	private final PatientProfiles profiles;

	private final Contacts contacts;

	private final Notifications notifications;

	private final ApplicationEventPublisher events;

	private final AuditLog audit;

	private final Clock clock;

	private final TransactionTemplate readOnly;

	TriageService(Tenants tenants, InTenant inTenant, Cases cases, CaseAccess access, CaseLifecycle lifecycle,
			CaseAssignments assignments, TurnaroundClock turnaround, SpecialistDirectory directory, AssignmentLoad load,
			PatientProfiles profiles, Contacts contacts, Notifications notifications, ApplicationEventPublisher events,
			AuditLog audit, Clock clock, PlatformTransactionManager transactionManager) {
		this.tenants = tenants;
		this.inTenant = inTenant;
		this.cases = cases;
		this.access = access;
		this.lifecycle = lifecycle;
		this.assignments = assignments;
		this.turnaround = turnaround;
		this.directory = directory;
		this.load = load;
		this.profiles = profiles;
		this.contacts = contacts;
		this.notifications = notifications;
		this.events = events;
		this.audit = audit;
		this.clock = clock;
		this.readOnly = new TransactionTemplate(transactionManager);
		this.readOnly.setReadOnly(true);
	}

	@Override
	public List<QueueItem> queue(Lane lane) {
		List<QueueItem> queue = new ArrayList<>();
		for (Tenant tenant : this.tenants.all()) {
			queue
				.addAll(TenantContext.callAs(tenant.id(), () -> this.readOnly.execute((status) -> lane(tenant, lane))));
		}
		queue.sort(Comparator.comparing(QueueItem::dueOn, Comparator.nullsLast(Comparator.naturalOrder()))
			.thenComparing(QueueItem::submittedAt, Comparator.nullsLast(Comparator.naturalOrder())));
		return queue;
	}

	private List<QueueItem> lane(Tenant tenant, Lane lane) {
		List<QueueItem> items = new ArrayList<>();
		for (CaseSummary summary : this.lifecycle.inStatuses(lane.statuses(), QUEUE_LIMIT_PER_PROGRAMME)) {
			String assignee = (lane == Lane.IN_REVIEW)
					? openReview(summary.id()).map(Assignment::actorName).orElse(null) : null;
			items.add(new QueueItem(new CaseKey(tenant.id(), summary.reference()), tenant.config().displayName(),
					summary.status(), summary.specialty(), summary.dueOn(), this.turnaround.standing(summary),
					summary.submittedAt(), assignee));
		}
		return items;
	}

	@Override
	public TriageCase open(CaseKey key) {
		return this.inTenant.write(key, () -> {
			CaseDetails details = this.cases.get(caseId(key));
			Tenant tenant = this.tenants.current();
			Optional<Demographics> patient = patientOf(details.id());
			List<Ranking.Suggestion> suggestions = CaseStatus.READY_FOR_TRIAGE == details.status()
					|| openReview(details.id()).isPresent() ? rank(details, patient, SUGGESTIONS) : List.of();
			String requested = Optional.ofNullable(details.request().requestedSpecialist())
				.flatMap((id) -> this.directory.find(id, tenant.config().workflow().specialistPools()))
				.map(SpecialistCard::displayName)
				.orElse(null);
			this.audit.record(AuditEntry.of("TRIAGE_CASE_VIEWED").subject("case", details.id()));
			return new TriageCase(key, tenant.config().displayName(), details, this.turnaround.standing(details),
					this.assignments.ofCase(details.id()), suggestions, requested,
					patient.map(Demographics::preferredLanguage).orElse(null),
					patient.map(TriageService::location).orElse(null));
		});
	}

	@Override
	public void assign(CaseKey key, String specialistId, String reason) {
		String why = text(reason, "reason", "triage.error.reason-required");
		this.inTenant.write(key, () -> {
			CaseDetails details = this.cases.get(caseId(key));
			boolean eligible = rank(details, patientOf(details.id()), Integer.MAX_VALUE).stream()
				.anyMatch((suggestion) -> suggestion.specialistId().equals(specialistId));
			SpecialistDirectory.SignIn signIn = this.directory.signIn(specialistId)
				.filter((s) -> eligible)
				.orElseThrow(() -> ReviewProblems.of("specialist", "triage.error.not-eligible"));
			this.assignments.assign(details.id(), Assignment.Task.REVIEW, null,
					new Assignment.Assignee(signIn.accountId(), signIn.displayName(), signIn.specialistId()), why);
		});
	}

	@Override
	public void hold(CaseKey key, String whatIsMissing) {
		String note = text(whatIsMissing, "note", "triage.error.note-required");
		this.inTenant.write(key, () -> {
			CaseId id = caseId(key);
			this.lifecycle.apply(id, CaseEvent.HOLD, List.of());
			this.assignments.endAll(id, Assignment.Task.REVIEW, "on hold");
			this.events.publishEvent(new CaseActivity(id, "on-hold", Map.of("text", note)));
			this.audit.record(AuditEntry.of("CASE_HELD").subject("case", id));
			askForRecords(id, key.reference());
		});
	}

	@Override
	public void markReady(CaseKey key) {
		this.inTenant.write(key, () -> {
			CaseId id = caseId(key);
			if (this.lifecycle.summary(id).status() == CaseStatus.ON_HOLD) {
				this.lifecycle.apply(id, CaseEvent.RESUME, List.of());
			}
			this.lifecycle.apply(id, CaseEvent.RECORDS_COMPLETE, List.of());
		});
	}

	/** The patient and the doctor: an e-mail with a link, and an in-app notice. */
	private void askForRecords(CaseId id, CaseReference reference) {
		CaseLifecycle.Participants participants = this.lifecycle.participants(id);
		Locale locale = this.profiles.find(participants.patientId())
			.map((profile) -> Locale.forLanguageTag(profile.preferredLanguage()))
			.orElse(this.tenants.current().config().defaultLocale());
		String link = SiteLinks.to("cases/" + reference.value() + "/records");
		for (String userId : new String[] { participants.patientId(), participants.physicianId() }) {
			if (userId == null) {
				continue;
			}
			this.contacts.find(userId)
				.ifPresent((contact) -> this.notifications.send(Notice
					.email(NotificationKind.RECORDS_REQUESTED, contact.email(), contact.displayName(), locale, link)
					.toUser(userId)));
		}
	}

	private List<Ranking.Suggestion> rank(CaseDetails details, Optional<Demographics> patient, int limit) {
		Tenant tenant = this.tenants.current();
		LocalDate today = LocalDate.now(this.clock.withZone(this.turnaround.calendar().zone()));
		Ranking.CaseNeeds needs = new Ranking.CaseNeeds(details.specialty(), null,
				patient.map(Demographics::preferredLanguage).orElse(null),
				patient.map(Demographics::country).orElse(null), patient.map(Demographics::region).orElse(null),
				java.util.Set.copyOf(tenant.config().workflow().specialistPools()),
				details.request().requestedSpecialist(), today);
		return Ranking.rank(needs, this.directory.candidates(details.specialty(), this.load.bySpecialist()), limit);
	}

	private Optional<Demographics> patientOf(CaseId id) {
		return this.profiles.find(this.lifecycle.participants(id).patientId());
	}

	private Optional<Assignment> openReview(CaseId id) {
		return this.assignments.ofCase(id)
			.stream()
			.filter((a) -> a.task() == Assignment.Task.REVIEW && a.isOpen())
			.findFirst();
	}

	private CaseId caseId(CaseKey key) {
		return this.access.requireRead(key.reference()).id();
	}

	private static String location(Demographics patient) {
		if (patient.country() == null) {
			return null;
		}
		return (patient.region() != null && !patient.region().isBlank()) ? patient.country() + "-" + patient.region()
				: patient.country();
	}

	private static String text(String value, String field, String requiredKey) {
		String text = (value != null) ? value.strip() : "";
		if (text.isEmpty()) {
			throw ReviewProblems.of(field, requiredKey);
		}
		if (text.length() > MAX_TEXT) {
			throw ReviewProblems.of(field, "triage.error.too-long");
		}
		return text;
	}

}

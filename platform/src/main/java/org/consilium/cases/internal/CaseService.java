package org.consilium.cases.internal;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.consilium.identity.Contacts;
import org.consilium.identity.PatientProfiles;
import org.consilium.notify.Notice;
import org.consilium.notify.Notifications;
import org.consilium.tenant.SiteLinks;
import org.consilium.tenantconfig.NotificationKind;
import org.consilium.audit.AuditEntry;
import org.consilium.audit.AuditLog;
import org.consilium.cases.CaseActivity;
import org.consilium.cases.CaseDetails;
import org.consilium.cases.CaseEvent;
import org.consilium.cases.CasePhysicians;
import org.consilium.cases.CaseRequest;
import org.consilium.cases.CaseRequestProblems;
import org.consilium.cases.CaseStatus;
import org.consilium.cases.CaseStatusChanged;
import org.consilium.cases.ConsentSignature;
import org.consilium.cases.IllegalCaseTransitionException;
import org.consilium.cases.TimelineEntry;
import org.consilium.cases.CaseId;
import org.consilium.cases.CaseNotFoundException;
import org.consilium.cases.CaseReference;
import org.consilium.cases.CaseSummary;
import org.consilium.cases.Cases;
import org.consilium.cases.CaseClosedException;
import org.consilium.cases.InvalidCaseException;
import org.consilium.identity.ConsiliumUser;
import org.consilium.identity.CurrentUser;
import org.consilium.specialists.SpecialistDirectory;
import org.consilium.tenant.Tenant;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.Tenants;
import org.consilium.tenantconfig.Consent;
import org.consilium.tenantconfig.IntakeQuestion;
import org.consilium.tenantconfig.Workflow;
import org.consilium.tenantconfig.Role;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and opens cases, auditing every read of a case in the same transaction.
 */
@Service
@Transactional
class CaseService implements Cases, CasePhysicians {

	static final int MAX_QUESTION = 4000;

	private static final int LIST_LIMIT = 200;

	private final MedicalCaseRepository cases;

	private final TurnaroundService turnaround;

	static final int MAX_STATUS_UPDATE = 1000;

	private final Contacts contacts;

	private final PatientProfiles profiles;

	private final Notifications notifications;

	private final AuditLog audit;

	private final Tenants tenants;

	static final int MAX_QUESTIONS = 5;

	static final int MAX_TEXT = 4000;

	private final Clock clock;

	private final CaseTimelineRepository timeline;

	private final ApplicationEventPublisher events;

	private final JdbcTemplate jdbc;

	private final SpecialistDirectory specialists;

	private final CaseTransitions transitions;

	private final CaseVisibility visibility;

	CaseService(MedicalCaseRepository cases, AuditLog audit, Tenants tenants, Clock clock,
			CaseTimelineRepository timeline, ApplicationEventPublisher events, JdbcTemplate jdbc,
			SpecialistDirectory specialists, TurnaroundService turnaround, Contacts contacts, PatientProfiles profiles,
			Notifications notifications, CaseTransitions transitions, CaseVisibility visibility) {
		this.transitions = transitions;
		this.visibility = visibility;
		this.contacts = contacts;
		this.profiles = profiles;
		this.notifications = notifications;
		this.specialists = specialists;
		this.turnaround = turnaround;
		this.cases = cases;
		this.audit = audit;
		this.tenants = tenants;
		this.clock = clock;
		this.timeline = timeline;
		this.events = events;
		this.jdbc = jdbc;
	}

	@Override
	public CaseDetails saveDraft(CaseId id, CaseRequest request) {
		MedicalCase draft = ownDraft(id);
		CaseRequest clean = trimmed(request, this.tenants.current().config().workflow());
		if (clean.questions().size() > MAX_QUESTIONS || tooLong(clean)) {
			throw new CaseRequestProblems(Map.of("questions", List.of("case.error.too-long")));
		}
		draft.edit(clean, this.clock.instant());
		return draft.details();
	}

	@Override
	public CaseDetails submit(CaseId id, List<ConsentSignature> consents) {
		MedicalCase draft = ownDraft(id);
		Tenant tenant = this.tenants.current();
		Workflow workflow = tenant.config().workflow();
		Map<String, List<String>> problems = new LinkedHashMap<>(problems(draft.request(), workflow));
		Map<String, ConsentSignature> signed = new LinkedHashMap<>();
		for (ConsentSignature signature : consents) {
			if (signature != null && !blank(signature.signedName()) && signature.signedName().strip().length() >= 2) {
				signed.put(signature.consentId(), signature);
			}
		}
		for (Consent consent : workflow.requiredConsents()) {
			if (!signed.containsKey(consent.id())) {
				problems.put("consent." + consent.id(), List.of("case.error.consent-required"));
			}
		}
		// A census programme's employee may have left it since their profile was saved.
		if (!this.profiles.eligible(CurrentUser.require().id())) {
			problems.put(CaseRequestProblems.ELIGIBILITY, List.of("case.error.not-eligible"));
		}
		if (!problems.isEmpty()) {
			throw new CaseRequestProblems(problems);
		}
		// The consents go in by JDBC: the case row must be written first.
		this.cases.flush();
		for (Consent consent : workflow.requiredConsents()) {
			ConsentSignature signature = signed.get(consent.id());
			Locale locale = (signature.readIn() != null) ? signature.readIn() : tenant.config().defaultLocale();
			this.jdbc.update("insert into case_consent (tenant_id, case_id, consent_id, consent_version, consent_text, "
					+ "signed_name, signed_at, signed_by) values (current_setting('app.tenant_id'), ?, ?, ?, ?, ?, ?, ?)",
					draft.id().value(), consent.id(), consent.version(), consent.text().in(locale),
					signature.signedName().strip(), java.sql.Timestamp.from(this.clock.instant()),
					CurrentUser.require().id());
		}
		draft.stampConfigVersion(tenant.version());
		transition(draft, CaseEvent.SUBMIT, workflow);
		draft.setDueOn(this.turnaround.calendar().due(this.clock.instant(), workflow.turnaroundDays()));
		return draft.details();
	}

	@Override
	@Transactional(readOnly = true)
	public Map<String, List<String>> problems(CaseId id) {
		return problems(ownDraft(id).request(), this.tenants.current().config().workflow());
	}

	private Map<String, List<String>> problems(CaseRequest request, Workflow workflow) {
		Map<String, List<String>> problems = new LinkedHashMap<>();
		if (request.specialty() == null || !workflow.specialties().contains(request.specialty())) {
			problems.put("specialty", List.of("case.error.specialty"));
		}
		if (request.questions().isEmpty()) {
			problems.put("questions", List.of("case.error.question-required"));
		}
		for (IntakeQuestion question : workflow.questionsFor(request.specialty())) {
			if (question.required() && blank(request.intakeAnswers().get(question.id()))) {
				problems.put("intake." + question.id(), List.of("case.error.answer-required"));
			}
		}
		if (blank(request.symptoms())) {
			problems.put("symptoms", List.of("case.error.symptoms-required"));
		}
		if (request.requestedSpecialist() != null && (request.specialty() == null
				|| this.specialists.find(request.requestedSpecialist(), workflow.specialistPools())
					.filter((specialist) -> specialist.specialties().contains(request.specialty()))
					.isEmpty())) {
			problems.put("requestedSpecialist", List.of("case.error.specialist"));
		}
		return problems;
	}

	@Override
	public List<TimelineEntry> timeline(CaseId id) {
		MedicalCase medicalCase = this.cases.findById(id.value())
			.filter((c) -> visible(c))
			.orElseThrow(() -> new CaseNotFoundException(id));
		return this.timeline.findByCaseIdOrderByOccurredAtAscSeqAsc(medicalCase.id().value())
			.stream()
			.map(CaseTimelineEntry::view)
			.toList();
	}

	@Override
	public void attachPhysician(CaseId id, String physicianUserId) {
		MedicalCase medicalCase = this.cases.findById(id.value()).orElseThrow(() -> new CaseNotFoundException(id));
		medicalCase.attachPhysician(physicianUserId, this.clock.instant());
		this.audit.record(AuditEntry.of("CASE_PHYSICIAN_ATTACHED").subject("case", id).details(physicianUserId));
		this.events.publishEvent(CaseActivity.of(id, "physician-joined"));
	}

	@Override
	public void postStatusUpdate(CaseId id, String text) {
		MedicalCase medicalCase = this.cases.findById(id.value()).orElseThrow(() -> new CaseNotFoundException(id));
		if (!medicalCase.isOpen()) {
			throw new CaseClosedException(id);
		}
		String update = (text != null) ? text.strip() : "";
		if (update.isEmpty()) {
			throw new InvalidCaseException("statusUpdate", "case.error.update-required");
		}
		if (update.length() > MAX_STATUS_UPDATE) {
			throw new InvalidCaseException("statusUpdate", "case.error.update-length");
		}
		this.events.publishEvent(new CaseActivity(id, "status-update", Map.of("text", update)));
		this.audit.record(AuditEntry.of("CASE_STATUS_UPDATE_POSTED").subject("case", id));
		String patientId = medicalCase.patientId();
		Locale locale = this.profiles.find(patientId)
			.map((profile) -> Locale.forLanguageTag(profile.preferredLanguage()))
			.orElse(this.tenants.current().config().defaultLocale());
		this.contacts.find(patientId)
			.ifPresent((contact) -> this.notifications.send(
					Notice
						.email(NotificationKind.CASE_STATUS_UPDATE, contact.email(), contact.displayName(), locale,
								SiteLinks.to("cases/" + medicalCase.summary().reference().value()))
						.toUser(patientId)));
	}

	@Override
	public void physicianInvited(CaseId id, String doctorName) {
		MedicalCase medicalCase = this.cases.findById(id.value()).orElseThrow(() -> new CaseNotFoundException(id));
		medicalCase.physicianInvited(doctorName, this.clock.instant());
		this.audit.record(AuditEntry.of("CASE_PHYSICIAN_INVITED").subject("case", id));
		this.events.publishEvent(new CaseActivity(id, "physician-invited", Map.of("name", doctorName)));
	}

	@Override
	public void physicianCompleted(CaseId id) {
		MedicalCase medicalCase = this.cases.findById(id.value()).orElseThrow(() -> new CaseNotFoundException(id));
		medicalCase.physicianCompleted(this.clock.instant());
		this.events.publishEvent(CaseActivity.of(id, "physician-completed"));
		if (medicalCase.status() == CaseStatus.AWAITING_PHYSICIAN) {
			transition(medicalCase, CaseEvent.PHYSICIAN_COMPLETED, this.tenants.current().config().workflow());
		}
	}

	private void transition(MedicalCase medicalCase, CaseEvent event, Workflow workflow) {
		this.transitions.apply(medicalCase, event, List.of());
	}

	private MedicalCase ownDraft(CaseId id) {
		ConsiliumUser user = CurrentUser.require();
		MedicalCase medicalCase = this.cases.findById(id.value())
			.filter((c) -> c.belongsTo(user.id()))
			.orElseThrow(() -> new CaseNotFoundException(id));
		if (medicalCase.status() != CaseStatus.DRAFT) {
			throw new IllegalCaseTransitionException(medicalCase.status(), CaseEvent.SUBMIT);
		}
		return medicalCase;
	}

	private boolean visible(MedicalCase medicalCase) {
		Optional<ConsiliumUser> user = CurrentUser.find();
		return this.visibility.canRead(medicalCase, user);
	}

	/**
	 * The request as stored: text stripped, empty questions dropped, answers kept only
	 * for the chosen specialty's questions.
	 */
	private static CaseRequest trimmed(CaseRequest request, Workflow workflow) {
		Map<String, String> answers = new LinkedHashMap<>();
		for (IntakeQuestion question : workflow.questionsFor(request.specialty())) {
			String answer = strip(request.intakeAnswers().get(question.id()));
			if (!blank(answer)) {
				answers.put(question.id(), answer);
			}
		}
		return new CaseRequest(request.specialty(),
				request.questions().stream().map(String::strip).filter((q) -> !q.isEmpty()).toList(), answers,
				strip(request.symptoms()), strip(request.history()), strip(request.medications()),
				strip(request.allergies()), strip(request.priorTreatment()),
				blank(request.requestedSpecialist()) ? null : request.requestedSpecialist().strip());
	}

	private static boolean tooLong(CaseRequest request) {
		return request.questions().stream().anyMatch((q) -> q.length() > MAX_TEXT)
				|| request.intakeAnswers().values().stream().anyMatch((a) -> a.length() > MAX_TEXT)
				|| (request.requestedSpecialist() != null && request.requestedSpecialist().length() > 64)
				|| (request.specialty() != null && request.specialty().length() > 64)
				|| java.util.stream.Stream.of(request.symptoms(), request.history(), request.medications(),
						request.allergies(), request.priorTreatment())
					.anyMatch((t) -> t != null && t.length() > MAX_TEXT);
	}

	private static String strip(String text) {
		return (text == null) ? null : text.strip();
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	@Override
	public List<CaseSummary> list() {
		Optional<ConsiliumUser> user = CurrentUser.find();
		List<MedicalCase> found = seesAllCases(user) ? this.cases.findAllByOrderByCreatedAtDesc(Limit.of(LIST_LIMIT))
				: this.cases.findByPatientIdOrderByCreatedAtDesc(user.orElseThrow().id(), Limit.of(LIST_LIMIT));
		this.audit.record(AuditEntry.of("CASE_LIST_VIEWED").details(found.size() + " cases"));
		return found.stream().map(MedicalCase::summary).toList();
	}

	@Override
	public CaseDetails get(CaseId id) {
		return open(this.cases.findById(id.value()), id);
	}

	@Override
	public CaseDetails get(CaseReference reference) {
		return open(this.cases.findByReference(reference.value()), reference);
	}

	private CaseDetails open(Optional<MedicalCase> found, Object requested) {
		Optional<ConsiliumUser> user = CurrentUser.find();
		MedicalCase medicalCase = found.filter((c) -> user.isEmpty() || this.visibility.canRead(c, user))
			.orElseThrow(() -> new CaseNotFoundException(requested));
		this.audit.record(AuditEntry.of("CASE_VIEWED").subject("case", medicalCase.id()));
		return medicalCase.details();
	}

	@Override
	public CaseDetails openDraft(String specialty, String question) {
		ConsiliumUser user = CurrentUser.require();
		if (specialty == null || !this.tenants.current().config().workflow().specialties().contains(specialty)) {
			throw new InvalidCaseException("specialty", "case.error.specialty");
		}
		String text = (question != null) ? question.strip() : "";
		if (text.length() > MAX_QUESTION) {
			throw new InvalidCaseException("question", "case.error.question-too-long");
		}
		MedicalCase draft = MedicalCase.draft(uniqueReference(), specialty, text, user.id(), user.displayName(),
				this.clock.instant());
		this.cases.save(draft);
		this.audit.record(AuditEntry.of("CASE_CREATED").subject("case", draft.id()));
		this.events.publishEvent(CaseActivity.of(draft.id(), "opened"));
		return draft.details();
	}

	private CaseReference uniqueReference() {
		for (int attempt = 0; attempt < 10; attempt++) {
			CaseReference reference = CaseReference.random();
			if (!this.cases.existsByReference(reference.value())) {
				return reference;
			}
		}
		throw new IllegalStateException("Could not find a free case reference in 10 attempts");
	}

	/**
	 * Coordinators and tenant admins see all of the tenant's cases. Without a user, the
	 * caller passed the service's access rule as a partner system with the cases.read
	 * scope: it sees all too.
	 */
	private static boolean seesAllCases(Optional<ConsiliumUser> user) {
		return user.map((u) -> u.has(Role.CASE_COORDINATOR) || u.has(Role.TENANT_ADMIN)).orElse(true);
	}

}

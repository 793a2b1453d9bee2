package org.consilium.retrieval.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.consilium.audit.AuditEntry;
import org.consilium.audit.AuditLog;
import org.consilium.cases.CaseAccess;
import org.consilium.cases.CaseActivity;
import org.consilium.cases.CaseId;
import org.consilium.cases.CaseNotFoundException;
import org.consilium.cases.CaseStatus;
import org.consilium.cases.CaseSummary;
import org.consilium.identity.ConsiliumUser;
import org.consilium.identity.CurrentUser;
import org.consilium.identity.Demographics;
import org.consilium.identity.PatientProfiles;
import org.consilium.retrieval.Facility;
import org.consilium.retrieval.RequestLetter;
import org.consilium.retrieval.RetrievalAuthorisation;
import org.consilium.retrieval.RetrievalNotOfferedException;
import org.consilium.retrieval.RetrievalPartner;
import org.consilium.retrieval.RetrievalProblems;
import org.consilium.retrieval.RetrievalRequest;
import org.consilium.retrieval.RetrievalRequests;
import org.consilium.retrieval.RetrievalStatus;
import org.consilium.tenant.Tenants;
import org.consilium.tenantconfig.Role;
import org.consilium.tenantconfig.TenantConfig;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Retrieval requests: the patient authorises, the partner is told through
 * {@link RetrievalPartner} in the same transaction, staff move the request on. Every
 * change goes on the case's timeline and into the audit log.
 */
@Service
@Transactional
class RetrievalService implements RetrievalRequests {

	/** Bumped whenever {@code retrieval.authorisation.text} changes meaning. */
	static final String AUTHORISATION_VERSION = "retrieval-authorisation-1";

	static final int MAX_FACILITIES = 5;

	static final int MAX_NAME = 200;

	static final int MAX_ADDRESS = 300;

	static final int MAX_DETAILS = 1000;

	static final int MAX_NOTE = 500;

	private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()./-]{6,40}");

	private final CaseAccess access;

	private final RetrievalRequestRepository requests;

	private final Tenants tenants;

	private final PatientProfiles profiles;

	private final RetrievalPartner partner;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final MessageSource messages;

	private final RetrievalProperties properties;

	private final Clock clock;

	RetrievalService(CaseAccess access, RetrievalRequestRepository requests, Tenants tenants, PatientProfiles profiles,
			RetrievalPartner partner, AuditLog audit, ApplicationEventPublisher events, MessageSource messages,
			RetrievalProperties properties, Clock clock) {
		this.access = access;
		this.requests = requests;
		this.tenants = tenants;
		this.profiles = profiles;
		this.partner = partner;
		this.audit = audit;
		this.events = events;
		this.messages = messages;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public boolean offered() {
		return tenant().workflow().recordsRetrievalPartner();
	}

	@Override
	public List<RetrievalRequest> list(CaseId caseId) {
		requireOffered();
		this.access.requireRead(caseId);
		List<RetrievalRequest> list = this.requests.findByCaseIdOrderBySignedAtDesc(caseId.value())
			.stream()
			.map(RetrievalRequestEntry::view)
			.toList();
		this.audit.record(AuditEntry.of("RETRIEVAL_REQUESTS_VIEWED").subject("case", caseId));
		return list;
	}

	@Override
	public RetrievalRequest authorise(CaseId caseId, RetrievalAuthorisation authorisation) {
		requireOffered();
		CaseSummary medicalCase = this.access.requireContribute(caseId);
		ConsiliumUser user = CurrentUser.require();
		if (!user.has(Role.PATIENT)) {
			throw new AccessDeniedException("Only the case's patient authorises a retrieval");
		}
		if (medicalCase.status() == CaseStatus.DRAFT) {
			throw RetrievalProblems.of("case", "retrieval.error.draft");
		}
		Map<String, List<String>> problems = problems(authorisation);
		if (!problems.isEmpty()) {
			throw new RetrievalProblems(problems);
		}
		TenantConfig tenant = tenant();
		Locale readIn = (authorisation.readIn() != null) ? authorisation.readIn() : tenant.defaultLocale();
		Optional<Demographics> demographics = this.profiles.find(user.id());
		Instant now = this.clock.instant();
		String token = LetterLinks.newToken();
		Instant expires = now.plus(this.properties.linkValidity());
		RetrievalRequestEntry entry = this.requests
			.save(new RetrievalRequestEntry(caseId, medicalCase.reference(),
					authorisation.facilities().stream().map(RetrievalService::clean).toList(), authorisation.kinds(),
					blankToNull(authorisation.details()),
					demographics.map(Demographics::legalName).orElse(medicalCase.patientName()),
					demographics.map(Demographics::dateOfBirth).orElse(null),
					this.messages.getMessage("retrieval.authorisation.text", new Object[] { tenant.displayName() },
							readIn),
					AUTHORISATION_VERSION, authorisation.signedName().strip(), user.id(), now, LetterLinks.hash(token),
					expires));
		this.partner.forward(new RetrievalPartner.Forwarded(letterOf(entry, tenant), LetterLinks.link(token), expires));
		this.audit.record(AuditEntry.of("RETRIEVAL_REQUESTED")
			.subject("retrieval_request", entry.id())
			.details("case " + caseId + ", " + authorisation.facilities().size() + " facilities"));
		this.events.publishEvent(new CaseActivity(caseId, "retrieval-requested",
				Map.of("count", Integer.toString(authorisation.facilities().size()))));
		return entry.view();
	}

	@Override
	public RetrievalRequest updateStatus(CaseId caseId, UUID requestId, RetrievalStatus status, String note) {
		requireOffered();
		this.access.requireRead(caseId);
		ConsiliumUser user = CurrentUser.require();
		if (!user.has(Role.CASE_COORDINATOR)) {
			throw new AccessDeniedException("Only case coordinators update a retrieval");
		}
		RetrievalRequestEntry entry = entry(caseId, requestId);
		String cleanNote = blankToNull(note);
		if (status == null) {
			throw RetrievalProblems.of("status", "retrieval.error.status");
		}
		if (cleanNote != null && cleanNote.length() > MAX_NOTE) {
			throw RetrievalProblems.of("note", "retrieval.error.note-length");
		}
		entry.moveTo(status, cleanNote, user.id(), this.clock.instant());
		this.audit.record(AuditEntry.of("RETRIEVAL_STATUS_CHANGED")
			.subject("retrieval_request", entry.id())
			.details(status.name()));
		Map<String, String> args = new LinkedHashMap<>();
		args.put("retrievalKey", "retrieval.status." + status.name());
		args.put("note", (cleanNote != null) ? cleanNote : "");
		this.events.publishEvent(new CaseActivity(caseId, "retrieval-status", args));
		return entry.view();
	}

	@Override
	public RetrievalRequest resendLetter(CaseId caseId, UUID requestId) {
		requireOffered();
		this.access.requireRead(caseId);
		if (!CurrentUser.require().has(Role.CASE_COORDINATOR)) {
			throw new AccessDeniedException("Only case coordinators resend a retrieval letter");
		}
		RetrievalRequestEntry entry = entry(caseId, requestId);
		String token = LetterLinks.newToken();
		Instant expires = this.clock.instant().plus(this.properties.linkValidity());
		entry.newLetterLink(LetterLinks.hash(token), expires);
		this.partner
			.forward(new RetrievalPartner.Forwarded(letterOf(entry, tenant()), LetterLinks.link(token), expires));
		this.audit.record(AuditEntry.of("RETRIEVAL_LETTER_RESENT").subject("retrieval_request", entry.id()));
		return entry.view();
	}

	@Override
	public Optional<RequestLetter> letter(String token) {
		// Letters live on a programme's site only; elsewhere (operator or bare host)
		// there
		// is nothing to look up.
		if (token == null || token.isBlank() || token.length() > 100
				|| org.consilium.tenant.TenantContext.find().isEmpty()) {
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		Optional<RetrievalRequestEntry> entry = this.requests.findByLetterTokenHash(LetterLinks.hash(token));
		if (entry.isEmpty()) {
			return Optional.empty();
		}
		if (!entry.get().letterOpenAt(now)) {
			this.audit.record(AuditEntry.of("RETRIEVAL_LETTER_REFUSED")
				.subject("retrieval_request", entry.get().id())
				.details("link expired"));
			return Optional.empty();
		}
		entry.get().letterViewed(now);
		this.audit.record(AuditEntry.of("RETRIEVAL_LETTER_VIEWED").subject("retrieval_request", entry.get().id()));
		return Optional.of(letterOf(entry.get(), tenant()));
	}

	private RetrievalRequestEntry entry(CaseId caseId, UUID requestId) {
		return this.requests.findById(requestId)
			.filter((candidate) -> candidate.caseId().equals(caseId.value()))
			.orElseThrow(() -> new CaseNotFoundException(caseId));
	}

	private RequestLetter letterOf(RetrievalRequestEntry entry, TenantConfig tenant) {
		return entry.letter(tenant.displayName(), tenant.branding().support().email());
	}

	/** What is wrong with the authorisation, per field (message keys). */
	Map<String, List<String>> problems(RetrievalAuthorisation authorisation) {
		Map<String, List<String>> problems = new LinkedHashMap<>();
		List<Facility> facilities = authorisation.facilities();
		if (facilities.isEmpty()) {
			add(problems, "facilities", "retrieval.error.no-facility");
		}
		if (facilities.size() > MAX_FACILITIES) {
			add(problems, "facilities", "retrieval.error.too-many-facilities");
		}
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		for (int i = 0; i < Math.min(facilities.size(), MAX_FACILITIES); i++) {
			Facility facility = facilities.get(i);
			String field = "facility." + i + ".";
			if (blank(facility.name())) {
				add(problems, field + "name", "retrieval.error.facility-name");
			}
			else if (facility.name().strip().length() > MAX_NAME) {
				add(problems, field + "name", "retrieval.error.too-long");
			}
			if (blank(facility.address())) {
				add(problems, field + "address", "retrieval.error.facility-address");
			}
			else if (facility.address().strip().length() > MAX_ADDRESS) {
				add(problems, field + "address", "retrieval.error.too-long");
			}
			if (blank(facility.phone()) || !PHONE.matcher(facility.phone().strip()).matches()
					|| facility.phone().chars().filter(Character::isDigit).count() < 6) {
				add(problems, field + "phone", "retrieval.error.facility-phone");
			}
			if (facility.careFrom() == null) {
				add(problems, field + "careFrom", "retrieval.error.care-from");
			}
			else if (facility.careFrom().isAfter(today)) {
				add(problems, field + "careFrom", "retrieval.error.future");
			}
			if (facility.careTo() != null) {
				if (facility.careTo().isAfter(today)) {
					add(problems, field + "careTo", "retrieval.error.future");
				}
				else if (facility.careFrom() != null && facility.careTo().isBefore(facility.careFrom())) {
					add(problems, field + "careTo", "retrieval.error.care-order");
				}
			}
		}
		if (authorisation.kinds().isEmpty() && blank(authorisation.details())) {
			add(problems, "kinds", "retrieval.error.no-records");
		}
		if (!blank(authorisation.details()) && authorisation.details().strip().length() > MAX_DETAILS) {
			add(problems, "details", "retrieval.error.too-long");
		}
		String signature = authorisation.signedName();
		if (blank(signature) || signature.strip().length() < 2) {
			add(problems, "signature", "retrieval.error.signature");
		}
		else if (signature.strip().length() > 120) {
			add(problems, "signature", "retrieval.error.too-long");
		}
		return problems;
	}

	private void requireOffered() {
		if (!offered()) {
			throw new RetrievalNotOfferedException();
		}
	}

	private TenantConfig tenant() {
		return this.tenants.current().config();
	}

	private static Facility clean(Facility facility) {
		return new Facility(facility.name().strip(), facility.address().strip(), facility.phone().strip(),
				facility.careFrom(), facility.careTo());
	}

	private static void add(Map<String, List<String>> problems, String field, String key) {
		problems.computeIfAbsent(field, (f) -> new ArrayList<>()).add(key);
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	private static String blankToNull(String text) {
		return blank(text) ? null : text.strip();
	}

}

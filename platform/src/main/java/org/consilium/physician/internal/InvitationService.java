package org.consilium.physician.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.consilium.tenant.SiteLinks;
import org.consilium.audit.AuditEntry;
import org.consilium.audit.AuditLog;
import org.consilium.cases.CasePhysicians;
import org.consilium.identity.ConsiliumUser;
import org.consilium.identity.CurrentUser;
import org.consilium.identity.InvitedPhysicians;
import org.consilium.identity.PasswordPolicy;
import org.consilium.notify.Notice;
import org.consilium.notify.Notifications;
import org.consilium.tenantconfig.NotificationKind;
import org.consilium.tenantconfig.Role;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * Invitations of the local doctor: the patient sends one (a newer one revokes the older),
 * the doctor follows the link once and registers or signs in, and is attached to the
 * case. Every step is audited and on the case's timeline; the e-mail goes through the
 * outbox in the same transaction. The case is looked up first, in a transaction of its
 * own ({@link DoctorCases}), then the change runs in one transaction: no request holds
 * two database connections.
 */
@Service
public class InvitationService {

	static final int MAX_INVITATIONS_PER_DAY = 5;

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");

	private final InvitationRepository invitations;

	private final PhysicianReportRepository reports;

	private final PhysicianProfileRepository profiles;

	private final DoctorCases doctorCases;

	private final CasePhysicians physicians;

	private final InvitedPhysicians accounts;

	private final Notifications notifications;

	private final AuditLog audit;

	private final PhysicianProperties properties;

	private final Clock clock;

	private final TransactionTemplate transactions;

	InvitationService(InvitationRepository invitations, PhysicianReportRepository reports,
			PhysicianProfileRepository profiles, DoctorCases doctorCases, CasePhysicians physicians,
			InvitedPhysicians accounts, Notifications notifications, AuditLog audit, PhysicianProperties properties,
			Clock clock, PlatformTransactionManager transactionManager) {
		this.transactions = new TransactionTemplate(transactionManager);
		this.invitations = invitations;
		this.reports = reports;
		this.profiles = profiles;
		this.doctorCases = doctorCases;
		this.physicians = physicians;
		this.accounts = accounts;
		this.notifications = notifications;
		this.audit = audit;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * The patient invites their doctor to the case (by its reference) and the doctor is
	 * e-mailed a link. Any earlier, unused invitation of the case stops working.
	 * @return problems per field (message keys); empty when sent
	 */
	@PreAuthorize("hasRole('PATIENT')")
	public Map<String, List<String>> invite(String caseReference, String name, String email, String practice,
			Locale locale) {
		DoctorCase medicalCase = ownCase(caseReference);
		return this.transactions.execute((tx) -> inviteTo(medicalCase, name, email, practice, locale));
	}

	private Map<String, List<String>> inviteTo(DoctorCase medicalCase, String name, String email, String practice,
			Locale locale) {
		String doctorName = strip(name);
		String address = strip(email).toLowerCase(Locale.ROOT);
		String doctorPractice = strip(practice);
		Map<String, List<String>> problems = new LinkedHashMap<>();
		if (doctorName.isEmpty() || doctorName.length() > 120) {
			problems.put("name", List.of("physician.error.name"));
		}
		if (!EMAIL.matcher(address).matches() || address.length() > 254) {
			problems.put("email", List.of("physician.error.email"));
		}
		if (doctorPractice.isEmpty() || doctorPractice.length() > 200) {
			problems.put("practice", List.of("physician.error.practice"));
		}
		if (!medicalCase.status().isOpen()) {
			problems.put("email", List.of("physician.error.case-closed"));
		}
		if (!status(medicalCase).canInvite()) {
			problems.put("email", List.of("physician.error.already-joined"));
		}
		Instant now = this.clock.instant();
		List<Invitation> earlier = this.invitations.findByCaseIdOrderByCreatedAtDesc(medicalCase.id().value());
		// Each invitation e-mails someone: a few a day per case is plenty.
		if (earlier.stream()
			.filter((i) -> i.createdAt().isAfter(now.minus(Duration.ofDays(1))))
			.count() >= MAX_INVITATIONS_PER_DAY) {
			problems.put("email", List.of("physician.error.too-many-invitations"));
		}
		if (!problems.isEmpty()) {
			return problems;
		}
		earlier.forEach((older) -> older.revoke(now));
		String token = Tokens.newToken();
		Invitation invitation = this.invitations
			.save(new Invitation(medicalCase.id(), medicalCase.reference(), Tokens.hash(token), doctorName, address,
					doctorPractice, CurrentUser.require().id(), now, now.plus(this.properties.invitationValidity())));
		this.notifications.send(Notice.email(NotificationKind.DOCTOR_INVITATION, address, doctorName, locale,
				SiteLinks.to("invitation/" + token)));
		this.audit.record(AuditEntry.of("PHYSICIAN_INVITED")
			.subject("case", medicalCase.id())
			.details("invitation " + invitation.id()));
		this.physicians.physicianInvited(medicalCase.id(), doctorName);
		return Map.of();
	}

	/** Where the doctor is with the case, for whoever may see the case. */
	public Optional<DoctorStatus> status(String caseReference) {
		return this.doctorCases.find(caseReference).map((c) -> this.transactions.execute((tx) -> status(c)));
	}

	DoctorStatus status(DoctorCase medicalCase) {
		List<Invitation> all = this.invitations.findByCaseIdOrderByCreatedAtDesc(medicalCase.id().value());
		Optional<Invitation> joined = all.stream().filter((i) -> i.acceptedAt() != null).findFirst();
		if (joined.isPresent()) {
			Invitation invitation = joined.get();
			Instant completed = this.reports.findById(medicalCase.id().value())
				.filter(PhysicianReport::completed)
				.map((report) -> report.view().completedAt())
				.orElse(null);
			return new DoctorStatus((completed != null) ? DoctorStatus.State.COMPLETED : DoctorStatus.State.JOINED,
					invitation.doctorName(), invitation.doctorEmail(), invitation.createdAt(), invitation.acceptedAt(),
					completed);
		}
		if (all.isEmpty()) {
			return DoctorStatus.NONE;
		}
		Invitation latest = all.get(0);
		DoctorStatus.State state = (latest.stateAt(this.clock.instant()) == InvitationState.VALID)
				? DoctorStatus.State.INVITED : DoctorStatus.State.EXPIRED;
		return new DoctorStatus(state, latest.doctorName(), latest.doctorEmail(), latest.createdAt(), null, null);
	}

	/** What the link shows; changes nothing. */
	@Transactional
	public InvitationLookup lookup(String token) {
		Optional<Invitation> found = find(token);
		if (found.isEmpty() || !this.doctorCases.doctorTakesPart()) {
			return InvitationLookup.of(InvitationState.UNKNOWN);
		}
		Invitation invitation = found.get();
		InvitationState state = invitation.stateAt(this.clock.instant());
		return (state != InvitationState.VALID) ? InvitationLookup.of(state) : new InvitationLookup(state,
				invitation.doctorName(), invitation.doctorEmail(), invitation.practice(), invitation.caseReference());
	}

	/**
	 * A signed-in doctor of this programme takes the invitation: they join the case.
	 * @return the state the link was in; VALID means they joined now
	 */
	@PreAuthorize("hasRole('REFERRING_PHYSICIAN')")
	@Transactional
	public InvitationLookup accept(String token) {
		ConsiliumUser doctor = CurrentUser.require();
		return use(token, doctor);
	}

	/**
	 * A doctor without an account registers from the link: the account (verified: the
	 * link reached the address), the profile and joining the case happen together or not
	 * at all.
	 * @return the new doctor, or problems per field
	 */
	@Transactional
	public Registration register(String token, String name, String password, PhysicianDetails details) {
		InvitationLookup lookup = lookup(token);
		if (!lookup.valid()) {
			return new Registration(null, Map.of("token", List.of("invitation.unusable")), lookup);
		}
		PhysicianDetails clean = details.clean();
		Map<String, List<String>> problems = new LinkedHashMap<>(clean.problems());
		String doctorName = strip(name);
		if (doctorName.isEmpty() || doctorName.length() > 120) {
			problems.put("name", List.of("physician.error.name"));
		}
		List<String> passwordProblems = PasswordPolicy.problems(password, lookup.doctorEmail(), doctorName);
		if (!passwordProblems.isEmpty()) {
			problems.put("password", passwordProblems);
		}
		if (!problems.isEmpty()) {
			return new Registration(null, problems, lookup);
		}
		InvitedPhysicians.Registration account = this.accounts.register(lookup.doctorEmail(), doctorName, password);
		if (!account.ok()) {
			return new Registration(null, account.problems(), lookup);
		}
		this.profiles.save(new PhysicianProfile(account.user().id(), clean, this.clock.instant()));
		InvitationLookup used = use(token, account.user());
		if (!used.valid()) {
			// Someone else used the link a moment ago: nothing of this registration
			// stays.
			TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
			return new Registration(null, Map.of("token", List.of("invitation.unusable")), used);
		}
		return new Registration(account.user(), Map.of(), used);
	}

	private InvitationLookup use(String token, ConsiliumUser doctor) {
		InvitationLookup lookup = lookup(token);
		if (!lookup.valid()) {
			return lookup;
		}
		if (!doctor.has(Role.REFERRING_PHYSICIAN)) {
			throw new IllegalStateException("Only doctors join cases by invitation");
		}
		Invitation invitation = find(token).orElseThrow();
		if (this.invitations.accept(invitation.id(), doctor.id(), this.clock.instant()) != 1) {
			return InvitationLookup.of(InvitationState.USED);
		}
		this.physicians.attachPhysician(invitation.caseId(), doctor.id());
		this.audit.record(AuditEntry.of("PHYSICIAN_INVITATION_ACCEPTED")
			.subject("case", invitation.caseId())
			.details("invitation " + invitation.id()));
		return lookup;
	}

	private Optional<Invitation> find(String token) {
		String hash = Tokens.hash(token);
		return (hash != null) ? this.invitations.findByTokenHash(hash) : Optional.empty();
	}

	private DoctorCase ownCase(String caseReference) {
		return this.doctorCases.find(caseReference)
			.filter((c) -> !c.asDoctor())
			.orElseThrow(() -> new org.consilium.cases.CaseNotFoundException(caseReference));
	}

	private static String strip(String text) {
		return (text != null) ? text.strip() : "";
	}

	/** A registration from an invitation link: the new doctor, or what to fix. */
	public record Registration(ConsiliumUser user, Map<String, List<String>> problems, InvitationLookup invitation) {

		public boolean ok() {
			return this.user != null;
		}

	}

}

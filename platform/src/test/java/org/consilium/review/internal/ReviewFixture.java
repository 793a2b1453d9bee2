package org.consilium.review.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.consilium.cases.Assignment;
import org.consilium.cases.CaseAssignments;
import org.consilium.cases.CaseDetails;
import org.consilium.cases.CaseEvent;
import org.consilium.cases.CaseId;
import org.consilium.cases.CaseLifecycle;
import org.consilium.cases.CaseRequest;
import org.consilium.cases.CaseStatus;
import org.consilium.cases.Cases;
import org.consilium.identity.ConsiliumUser;
import org.consilium.identity.DemoAccounts;
import org.consilium.review.Approvals;
import org.consilium.review.CaseKey;
import org.consilium.review.OpinionContent;
import org.consilium.review.OpinionSubmitted;
import org.consilium.review.OpinionVersion;
import org.consilium.support.TestDatabase;
import org.consilium.support.Users;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.TenantId;
import org.consilium.tenantconfig.Role;

import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings a case to a submitted opinion the way the platform does, without the
 * specialist's editor: the demo patient's request (with the demo doctor taking part, if
 * asked), triage assigns the review, the specialist accepts, writes a version, submits it
 * (the state machine's step and the {@code OpinionSubmitted} event, in one transaction as
 * the specialist), and routing runs as it would.
 */
public class ReviewFixture {

	static final ConsiliumUser TRIAGE = Users.operator("review-fixture-triage", Role.TRIAGE);

	final JdbcTemplate admin = TestDatabase.get().adminJdbc();

	private final Cases cases;

	private final CaseAssignments assignments;

	private final CaseLifecycle lifecycle;

	private final OpinionStore opinions;

	private final ApplicationEventPublisher events;

	private final DemoAccounts demo;

	private final Approvals approvals;

	private final TransactionTemplate transactions;

	public ReviewFixture(ApplicationContext context) {
		this.cases = context.getBean(Cases.class);
		this.assignments = context.getBean(CaseAssignments.class);
		this.lifecycle = context.getBean(CaseLifecycle.class);
		this.opinions = context.getBean(OpinionStore.class);
		this.events = context;
		this.demo = context.getBean(DemoAccounts.class);
		this.approvals = context.getBean(Approvals.class);
		this.transactions = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
	}

	/** A specialist of the directory who signs in as an operator account. */
	public record Specialist(String id, ConsiliumUser user) {
	}

	/** A new active specialist in the pool, signing in as a test operator account. */
	public Specialist specialist(String name, String specialty, String pool) {
		String id = "sp-rf-" + UUID.randomUUID().toString().substring(0, 12);
		ConsiliumUser user = Users.operator(id, Role.SPECIALIST);
		this.admin.update("""
				insert into specialist (specialist_id, display_name, specialties, languages, jurisdictions,
				    max_active_cases, account_id)
				values (?, ?, ?, '{en}', '{US,US-MA}', 100, ?)
				""", id, name, new String[] { specialty }, user.id());
		this.admin.update("insert into specialist_pool_member (pool_id, specialist_id) values (?, ?)", pool, id);
		return new Specialist(id,
				new ConsiliumUser(user.id(), user.username(), name, Optional.empty(), Set.of(Role.SPECIALIST), 0));
	}

	/** Retires the fixture's specialists, so that later tests rank only their own. */
	public void retireSpecialists() {
		this.admin.update("update specialist set active = false where specialist_id like 'sp-rf-%'");
	}

	public ConsiliumUser demoUser(TenantId tenant, Role role) {
		return this.demo.usersOf(tenant).stream().filter((user) -> user.has(role)).findFirst().orElseThrow();
	}

	/**
	 * The demo patient's request, ready for triage; the demo doctor takes part if asked.
	 */
	public CaseDetails readyCase(TenantId tenant, String specialty, boolean withDoctor) {
		return readyCase(tenant, specialty, withDoctor, demoUser(tenant, Role.PATIENT));
	}

	CaseDetails readyCase(TenantId tenant, String specialty, boolean withDoctor, ConsiliumUser patient) {
		CaseDetails draft = TenantContext.callAs(tenant, () -> Users.as(patient, () -> {
			CaseDetails opened = this.cases.openDraft(specialty, "Is the treatment right for me?");
			return this.cases.saveDraft(opened.id(),
					new CaseRequest(specialty, List.of("Is the treatment right for me?", "What should I ask next?"),
							Map.of(), "Tired on stairs.", null, null, null, null, null));
		}));
		this.admin.update("update medical_case set status = 'READY_FOR_TRIAGE', physician_user_id = ? where id = ?",
				withDoctor ? demoUser(tenant, Role.REFERRING_PHYSICIAN).id() : null, draft.id().value());
		return draft;
	}

	/** Triage assigns the review; the specialist accepts it. */
	void inReview(TenantId tenant, CaseId caseId, Specialist author) {
		Assignment review = in(tenant, TRIAGE,
				() -> this.assignments.assign(caseId, Assignment.Task.REVIEW, null,
						new Assignment.Assignee(author.user().id(), author.user().displayName(), author.id()),
						"Fixture: valve disease"));
		in(tenant, author.user(), () -> this.assignments.accept(caseId, review.id()));
	}

	/** The specialist writes a version and submits it (again, after a return). */
	int submit(TenantId tenant, CaseId caseId, Specialist author, String summary) {
		return in(tenant, author.user(), () -> {
			OpinionVersion version = this.opinions.saveDraft(caseId, content(summary), author.user().id(),
					author.user().displayName(), Instant.now());
			this.opinions.move(caseId, version.version(), OpinionVersion.State.DRAFT, OpinionVersion.State.SUBMITTED,
					Instant.now());
			CaseStatus status = this.lifecycle.summary(caseId).status();
			this.lifecycle.apply(caseId,
					(status == CaseStatus.RETURNED) ? CaseEvent.RESUBMIT : CaseEvent.SUBMIT_OPINION, List.of());
			this.events
				.publishEvent(new OpinionSubmitted(tenant, caseId, version.version(), author.user().id(), author.id()));
			return version.version();
		});
	}

	/** A case with its first version submitted and routed. */
	public CaseDetails submitted(TenantId tenant, String specialty, boolean withDoctor, Specialist author) {
		return submitted(tenant, specialty, withDoctor, author, demoUser(tenant, Role.PATIENT));
	}

	public CaseDetails submitted(TenantId tenant, String specialty, boolean withDoctor, Specialist author,
			ConsiliumUser patient) {
		CaseDetails details = readyCase(tenant, specialty, withDoctor, patient);
		inReview(tenant, details.id(), author);
		submit(tenant, details.id(), author, "Atrial fibrillation, well controlled.");
		return details;
	}

	/**
	 * A case whose opinion is approved and published: the second reader (where the
	 * programme has one) concurs, then the approver approves.
	 */
	public CaseDetails published(TenantId tenant, String specialty, boolean withDoctor, Specialist author) {
		return published(tenant, specialty, withDoctor, author, demoUser(tenant, Role.PATIENT));
	}

	CaseDetails published(TenantId tenant, String specialty, boolean withDoctor, Specialist author,
			ConsiliumUser patient) {
		CaseDetails details = submitted(tenant, specialty, withDoctor, author, patient);
		approve(tenant, details);
		return details;
	}

	/**
	 * The second reader (where the programme has one) concurs, then the approver
	 * approves: the opinion is published.
	 */
	public void approve(TenantId tenant, CaseDetails details) {
		CaseKey key = key(tenant, details);
		holder(details.id(), Assignment.Task.SECOND_READ).ifPresent((reader) -> Users.as(reader, () -> {
			this.approvals.concur(key, "Agreed.");
			return null;
		}));
		ConsiliumUser approver = holder(details.id(), Assignment.Task.APPROVAL).orElseThrow();
		Users.as(approver, () -> {
			this.approvals.approve(key, null);
			return null;
		});
	}

	static OpinionContent content(String summary) {
		return new OpinionContent(summary, OpinionContent.Assessment.MODIFY,
				"The rhythm is controlled; the ablation can wait.",
				List.of(new OpinionContent.Answer("Is the treatment right for me?", "Yes, with a change of dose."),
						new OpinionContent.Answer("What should I ask next?", "Ask about a sleep study.")),
				"Continue metoprolol; review in three months.", "Echocardiogram; sleep study.",
				"NCT00000000 (rate control in older adults).", "ESC guidelines 2024.");
	}

	/** Whoever holds the open assignment of the task, as they would sign in. */
	Optional<ConsiliumUser> holder(CaseId caseId, Assignment.Task task) {
		Role role = (task == Assignment.Task.APPROVAL) ? Role.APPROVER : Role.SPECIALIST;
		return this.admin
			.query("""
					select actor_id, actor_name from case_assignment
					where case_id = ? and task = ? and state in ('ASSIGNED', 'ACCEPTED')
					""",
					(row, index) -> new ConsiliumUser(row.getString(1), row.getString(1) + "@ops.example",
							row.getString(2), Optional.empty(), Set.of(role), 0),
					caseId.value(), task.name())
			.stream()
			.findFirst();
	}

	List<String> assignmentStates(CaseId caseId, Assignment.Task task) {
		return this.admin.queryForList(
				"select state from case_assignment where case_id = ? and task = ? order by assigned_at", String.class,
				caseId.value(), task.name());
	}

	/** An active approver account of the operator. @return its principal */
	ConsiliumUser approverAccount(String name) {
		UUID id = UUID.randomUUID();
		Timestamp now = Timestamp.from(Instant.now());
		this.admin.update(
				"""
						insert into user_account (tenant_id, id, email, display_name, roles, status, created_at, updated_at, version)
						values ('_platform', ?, ?, ?, 'APPROVER', 'ACTIVE', ?, ?, 0)
						""",
				id, "approver-" + id + "@ops.example", name, now, now);
		return new ConsiliumUser(id.toString(), "approver-" + id + "@ops.example", name, Optional.empty(),
				Set.of(Role.APPROVER), 0);
	}

	/** Disables the approver accounts the fixture made. */
	void disableApprovers() {
		this.admin.update(
				"update user_account set status = 'DISABLED' where tenant_id = '_platform' and email like 'approver-%@ops.example'");
	}

	public CaseStatus status(CaseId caseId) {
		return CaseStatus.valueOf(this.admin.queryForObject("select status from medical_case where id = ?",
				String.class, caseId.value()));
	}

	static CaseKey key(TenantId tenant, CaseDetails details) {
		return new CaseKey(tenant, details.reference());
	}

	<T> T in(TenantId tenant, ConsiliumUser user, Supplier<T> work) {
		return TenantContext.callAs(tenant,
				() -> Users.as(user, () -> this.transactions.execute((status) -> work.get())));
	}

}

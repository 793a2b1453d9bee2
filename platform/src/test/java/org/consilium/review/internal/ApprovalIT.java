package org.consilium.review.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.consilium.cases.Assignment;
import org.consilium.cases.CaseAccess;
import org.consilium.cases.CaseAssignments;
import org.consilium.cases.CaseDetails;
import org.consilium.cases.CaseNotFoundException;
import org.consilium.cases.CaseStatus;
import org.consilium.cases.IllegalCaseTransitionException;
import org.consilium.identity.ConsiliumUser;
import org.consilium.review.ApprovalFile;
import org.consilium.review.Approvals;
import org.consilium.review.CaseKey;
import org.consilium.review.OpinionVersion;
import org.consilium.review.ReviewProblems;
import org.consilium.review.internal.ReviewFixture.Specialist;
import org.consilium.support.IntegrationTest;
import org.consilium.support.TestMail;
import org.consilium.support.Users;
import org.consilium.tenant.TenantId;
import org.consilium.tenantconfig.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A submitted opinion is routed and decided: on the public programme (staff approval) to
 * the least-loaded approver, who approves (publishing it to the doctor and ending the
 * specialist's access) or returns it with a comment, never while a re-read is open; on
 * acme (second reader) first to another specialist, whose concurrence approval waits for.
 * Every limited actor works under row-level security as in production.
 */
@IntegrationTest
class ApprovalIT {

	static final TenantId PUBLIC = TenantId.of("public");

	static final TenantId ACME = TenantId.of("acme");

	@Autowired
	ApplicationContext context;

	@Autowired
	Approvals approvals;

	@Autowired
	CaseAccess access;

	@Autowired
	CaseAssignments assignments;

	@Autowired
	JdbcTemplate jdbc;

	ReviewFixture fixture;

	@BeforeEach
	void fixture() {
		this.fixture = new ReviewFixture(this.context);
	}

	@AfterEach
	void retire() {
		this.fixture.retireSpecialists();
		this.fixture.disableApprovers();
	}

	@Test
	void a_submitted_opinion_goes_to_the_approver_with_the_fewest_open_approvals() {
		String run = UUID.randomUUID().toString().substring(0, 6);
		ConsiliumUser busy = this.fixture.approverAccount("Aaa Approver " + run);
		ConsiliumUser free = this.fixture.approverAccount("Aab Approver " + run);
		CaseDetails other = this.fixture.readyCase(PUBLIC, "cardiology", false);
		this.fixture.admin.update("""
				insert into case_assignment (tenant_id, id, case_id, task, actor_id, actor_name, state, reason,
				    assigned_by, assigned_at)
				values ('public', ?, ?, 'APPROVAL', ?, ?, 'ASSIGNED', 'load', 'test', ?)
				""", UUID.randomUUID(), other.id().value(), busy.id(), busy.displayName(),
				Timestamp.from(Instant.now()));
		Specialist author = this.fixture.specialist("Dr. Route Author", "cardiology", "general");

		CaseDetails submitted = this.fixture.submitted(PUBLIC, "cardiology", true, author);

		assertThat(this.fixture.status(submitted.id())).isEqualTo(CaseStatus.OPINION_SUBMITTED);
		assertThat(this.fixture.holder(submitted.id(), Assignment.Task.APPROVAL)).get()
			.extracting(ConsiliumUser::id)
			.as("assigned by the specialist's own transaction, to the free approver")
			.isEqualTo(free.id());
		assertThat(this.fixture.holder(submitted.id(), Assignment.Task.REVIEW)).get()
			.extracting(ConsiliumUser::id)
			.isEqualTo(author.user().id());
	}

	@Test
	void approval_waits_for_open_rereads_and_a_refusal_changes_nothing() {
		Specialist author = this.fixture.specialist("Dr. Reread Author", "cardiology", "general");
		CaseDetails submitted = this.fixture.submitted(PUBLIC, "cardiology", true, author);
		UUID reread = UUID.randomUUID();
		this.fixture.admin.update("""
				insert into reread (tenant_id, id, case_id, kind, state, note, requested_by_name, requested_at)
				values ('public', ?, ?, 'RADIOLOGY', 'REQUESTED', 'Re-read the echo', 'Triage', ?)
				""", reread, submitted.id().value(), Timestamp.from(Instant.now()));
		ConsiliumUser approver = this.fixture.holder(submitted.id(), Assignment.Task.APPROVAL).orElseThrow();
		CaseKey key = ReviewFixture.key(PUBLIC, submitted);

		assertThatThrownBy(() -> Users.as(approver, () -> {
			this.approvals.approve(key, "Fine.");
			return null;
		})).isInstanceOfSatisfying(IllegalCaseTransitionException.class,
				(ex) -> assertThat(ex.pending()).containsExactly("approval.pending.radiology-reread"));

		assertThat(this.fixture.status(submitted.id())).isEqualTo(CaseStatus.OPINION_SUBMITTED);
		assertThat(versionStates(submitted)).containsExactly("SUBMITTED");
		assertThat(reviewCount(submitted)).isZero();
		assertThat(this.fixture.assignmentStates(submitted.id(), Assignment.Task.APPROVAL)).containsExactly("ASSIGNED");
		ApprovalFile file = Users.as(approver, () -> this.approvals.file(key));
		assertThat(file.pending()).containsExactly("approval.pending.radiology-reread");
		assertThat(file.action()).isEqualTo(ApprovalFile.Action.APPROVE);

		this.fixture.admin.update("""
				update reread set state = 'DONE', findings = 'Normal valves', impression = 'No change',
				    concordance = 'AGREES', reported_by_name = 'Dr. David Aronson', reported_at = now()
				where id = ?
				""", reread);
		Users.as(approver, () -> {
			this.approvals.approve(key, null);
			return null;
		});
		assertThat(this.fixture.status(submitted.id())).isEqualTo(CaseStatus.PUBLISHED);
	}

	@Test
	void approval_publishes_to_the_doctor_and_ends_the_specialists_access() {
		Specialist author = this.fixture.specialist("Dr. Publish Author", "cardiology", "general");
		CaseDetails submitted = this.fixture.submitted(PUBLIC, "cardiology", true, author);
		ConsiliumUser approver = this.fixture.holder(submitted.id(), Assignment.Task.APPROVAL).orElseThrow();
		assertThat(this.fixture.in(PUBLIC, author.user(), () -> this.access.requireRead(submitted.id()).id()))
			.as("the author reads the case before publication")
			.isEqualTo(submitted.id());

		Users.as(approver, () -> {
			this.approvals.approve(ReviewFixture.key(PUBLIC, submitted), "Clear and complete.");
			return null;
		});

		assertThat(this.fixture.status(submitted.id())).isEqualTo(CaseStatus.PUBLISHED);
		assertThat(versionStates(submitted)).containsExactly("APPROVED");
		assertThat(this.fixture.admin.queryForObject(
				"select kind || ':' || outcome || ':' || comment from opinion_review where case_id = ?", String.class,
				submitted.id().value()))
			.isEqualTo("APPROVAL:APPROVED:Clear and complete.");
		assertThat(this.fixture.admin.queryForObject("select audience from opinion_delivery where case_id = ?",
				String.class, submitted.id().value()))
			.isEqualTo("DOCTOR");
		assertThat(this.fixture.assignmentStates(submitted.id(), Assignment.Task.REVIEW)).containsExactly("ENDED");
		assertThat(this.fixture.assignmentStates(submitted.id(), Assignment.Task.APPROVAL)).containsExactly("DONE");
		assertThatThrownBy(() -> this.fixture.in(PUBLIC, author.user(), () -> this.access.requireRead(submitted.id())))
			.isInstanceOf(CaseNotFoundException.class);
		assertThat(
				this.fixture
					.in(PUBLIC, author.user(),
							() -> this.jdbc.queryForObject("select count(*) from opinion_version where case_id = ?",
									Long.class, submitted.id().value())))
			.as("the author's SQL after publication")
			.isZero();
		ConsiliumUser doctor = this.fixture.demoUser(PUBLIC, Role.REFERRING_PHYSICIAN);
		String link = TestMail.get()
			.awaitLink(doctor.username(), "/cases/" + submitted.reference().value() + "/opinion");
		assertThat(link).startsWith("http://public.localhost");
		assertThat(this.fixture.admin.queryForObject(
				"select count(*) from notification_outbox where kind = 'PATIENT_OPINION_READY' and link like ?",
				Long.class, "%" + submitted.reference().value() + "%"))
			.as("doctor first: the patient hears when the doctor opens it")
			.isZero();
	}

	@Test
	void a_return_needs_a_comment_and_every_version_is_kept() {
		Specialist author = this.fixture.specialist("Dr. Return Author", "cardiology", "general");
		CaseDetails submitted = this.fixture.submitted(PUBLIC, "cardiology", true, author);
		ConsiliumUser approver = this.fixture.holder(submitted.id(), Assignment.Task.APPROVAL).orElseThrow();
		CaseKey key = ReviewFixture.key(PUBLIC, submitted);

		assertThatThrownBy(() -> Users.as(approver, () -> {
			this.approvals.returnOpinion(key, "   ");
			return null;
		})).isInstanceOfSatisfying(ReviewProblems.class,
				(ex) -> assertThat(ex.problems()).containsEntry("comment", List.of("approval.error.comment-required")));
		assertThat(this.fixture.status(submitted.id())).isEqualTo(CaseStatus.OPINION_SUBMITTED);

		Users.as(approver, () -> {
			this.approvals.returnOpinion(key, "Answer the second question in more detail.");
			return null;
		});
		assertThat(this.fixture.status(submitted.id())).isEqualTo(CaseStatus.RETURNED);
		assertThat(versionStates(submitted)).containsExactly("RETURNED");
		assertThat(this.fixture.assignmentStates(submitted.id(), Assignment.Task.APPROVAL)).containsExactly("DONE");
		assertThat(this.fixture.assignmentStates(submitted.id(), Assignment.Task.REVIEW)).as("the specialist revises")
			.containsExactly("ACCEPTED");

		this.fixture.submit(PUBLIC, submitted.id(), author, "Revised: atrial fibrillation, controlled.");
		ConsiliumUser next = this.fixture.holder(submitted.id(), Assignment.Task.APPROVAL).orElseThrow();
		ApprovalFile file = Users.as(next, () -> this.approvals.file(key));
		assertThat(file.submitted().version()).isEqualTo(2);
		assertThat(file.versions()).extracting((v) -> v.version().state())
			.containsExactly(OpinionVersion.State.RETURNED, OpinionVersion.State.SUBMITTED);
		assertThat(file.versions().get(0).reviews()).extracting(ApprovalFile.Review::comment)
			.containsExactly("Answer the second question in more detail.");
		assertThat(file.questions()).containsExactly("Is the treatment right for me?", "What should I ask next?");
		Users.as(next, () -> {
			this.approvals.approve(key, null);
			return null;
		});
		assertThat(versionStates(submitted)).containsExactly("RETURNED", "APPROVED");
	}

	@Test
	void a_second_reader_programme_routes_to_another_specialist_who_may_send_it_back() {
		Specialist author = this.fixture.specialist("Aa Second Read Author", "cardiology", "acme-panel");
		this.fixture.specialist("Aa Second Reader", "cardiology", "acme-panel");
		CaseDetails submitted = this.fixture.submitted(ACME, "cardiology", true, author);
		CaseKey key = ReviewFixture.key(ACME, submitted);

		ConsiliumUser reader = this.fixture.holder(submitted.id(), Assignment.Task.SECOND_READ).orElseThrow();
		assertThat(reader.id()).isNotEqualTo(author.user().id());
		assertThat(this.fixture.holder(submitted.id(), Assignment.Task.APPROVAL)).as("approval waits").isEmpty();
		assertThat(Users.as(reader, () -> this.approvals.file(key).action()))
			.isEqualTo(ApprovalFile.Action.SECOND_READ);

		assertThatThrownBy(() -> Users.as(reader, () -> {
			this.approvals.disagree(key, "");
			return null;
		})).isInstanceOf(ReviewProblems.class);
		Users.as(reader, () -> {
			this.approvals.disagree(key, "The dose advice is missing.");
			return null;
		});
		assertThat(this.fixture.status(submitted.id())).isEqualTo(CaseStatus.RETURNED);
		assertThat(versionStates(submitted)).containsExactly("RETURNED");
		assertThatThrownBy(() -> this.fixture.in(ACME, reader, () -> this.access.requireRead(submitted.id())))
			.as("the second read is done; so is the reader's access")
			.isInstanceOf(CaseNotFoundException.class);

		this.fixture.submit(ACME, submitted.id(), author, "With the dose advice.");
		assertThat(this.fixture.holder(submitted.id(), Assignment.Task.SECOND_READ)).get()
			.extracting(ConsiliumUser::id)
			.as("the same reader reads again")
			.isEqualTo(reader.id());
		Users.as(reader, () -> {
			this.approvals.concur(key, null);
			return null;
		});
		assertThat(this.fixture.assignmentStates(submitted.id(), Assignment.Task.SECOND_READ)).containsExactly("DONE",
				"DONE");
		ConsiliumUser approver = this.fixture.holder(submitted.id(), Assignment.Task.APPROVAL).orElseThrow();
		assertThat(this.fixture.status(submitted.id())).isEqualTo(CaseStatus.OPINION_SUBMITTED);
		Users.as(approver, () -> {
			this.approvals.approve(key, null);
			return null;
		});
		assertThat(this.fixture.status(submitted.id())).isEqualTo(CaseStatus.PUBLISHED);
	}

	@Test
	void approval_waits_for_the_second_readers_concurrence() {
		Specialist author = this.fixture.specialist("Aa Waiting Author", "cardiology", "acme-panel");
		this.fixture.specialist("Aa Waiting Reader", "cardiology", "acme-panel");
		CaseDetails submitted = this.fixture.submitted(ACME, "cardiology", true, author);
		ConsiliumUser approver = Users.operator("acme-early-approver", Role.APPROVER);
		this.fixture.in(ACME, ReviewFixture.TRIAGE,
				() -> this.assignments.assign(submitted.id(), Assignment.Task.APPROVAL, null,
						new Assignment.Assignee(approver.id(), approver.displayName(), null), "By hand"));

		assertThatThrownBy(() -> Users.as(approver, () -> {
			this.approvals.approve(ReviewFixture.key(ACME, submitted), null);
			return null;
		})).isInstanceOfSatisfying(IllegalCaseTransitionException.class,
				(ex) -> assertThat(ex.pending()).containsExactly("approval.pending.second-read"));
		assertThat(this.fixture.status(submitted.id())).isEqualTo(CaseStatus.OPINION_SUBMITTED);
		assertThat(versionStates(submitted)).containsExactly("SUBMITTED");
	}

	@Test
	void without_an_eligible_second_reader_nothing_is_assigned_and_the_timeline_says_so() {
		this.fixture.retireSpecialists();
		Specialist author = this.fixture.specialist("Aa Lone Pulmonologist", "pulmonology", "acme-panel");

		CaseDetails submitted = this.fixture.submitted(ACME, "pulmonology", false, author);

		assertThat(this.fixture.holder(submitted.id(), Assignment.Task.SECOND_READ)).isEmpty();
		assertThat(this.fixture.admin.queryForObject(
				"select count(*) from case_timeline where case_id = ? and what = 'approval-no-second-reader'",
				Long.class, submitted.id().value()))
			.isOne();
		assertThat(this.fixture.status(submitted.id())).isEqualTo(CaseStatus.OPINION_SUBMITTED);
	}

	private List<String> versionStates(CaseDetails details) {
		return this.fixture.admin.queryForList("select state from opinion_version where case_id = ? order by version",
				String.class, details.id().value());
	}

	private long reviewCount(CaseDetails details) {
		return this.fixture.admin.queryForObject("select count(*) from opinion_review where case_id = ?", Long.class,
				details.id().value());
	}

}

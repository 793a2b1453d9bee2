package org.consilium.review.internal;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.consilium.cases.Assignment;
import org.consilium.cases.CaseAssignments;
import org.consilium.cases.CaseNotFoundException;
import org.consilium.cases.CaseStatus;
import org.consilium.cases.Cases;
import org.consilium.cases.TimelineEntry;
import org.consilium.identity.ConsiliumUser;
import org.consilium.records.NewRecord;
import org.consilium.records.RecordKind;
import org.consilium.records.RecordSummary;
import org.consilium.records.Records;
import org.consilium.records.TestFiles;
import org.consilium.review.CaseFile;
import org.consilium.review.CaseKey;
import org.consilium.review.OpinionContent;
import org.consilium.review.OpinionSubmitted;
import org.consilium.review.OpinionVersion;
import org.consilium.review.ReviewFixtures;
import org.consilium.review.ReviewProblems;
import org.consilium.review.SpecialistWork;
import org.consilium.review.WorkItem;
import org.consilium.support.IntegrationTest;
import org.consilium.support.TestDatabase;
import org.consilium.support.Users;
import org.consilium.tenant.Site;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.TenantId;
import org.consilium.tenantconfig.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The specialist's workspace through its service: the worklist across programmes shows
 * only the caller's assignments; accepting, declining (with a reason; access ends with
 * it), autosaved drafts, submission checked section by section and, complete, frozen with
 * the case moved on and the event raised. A specialist not on the case cannot read it,
 * write to it or download its records.
 */
@IntegrationTest
@RecordApplicationEvents
class SpecialistWorkIT {

	static final TenantId ACME = TenantId.of("acme");

	static final TenantId PUBLIC = TenantId.of("public");

	static final TenantId GLOBEX = TenantId.of("globex");

	static final LocalDate SOON = LocalDate.of(2030, 3, 4);

	static final LocalDate LATER = LocalDate.of(2030, 3, 18);

	@Autowired
	SpecialistWork work;

	@Autowired
	Cases cases;

	@Autowired
	CaseAssignments assignments;

	@Autowired
	Records records;

	@Autowired
	ApplicationEvents events;

	@Autowired
	WebApplicationContext context;

	ConsiliumUser specialist;

	ConsiliumUser other;

	@BeforeEach
	void specialists() {
		String run = UUID.randomUUID().toString().substring(0, 8);
		this.specialist = Users.operator("sw-specialist-" + run, Role.SPECIALIST);
		this.other = Users.operator("sw-other-" + run, Role.SPECIALIST);
	}

	@Test
	void the_worklist_shows_only_the_callers_assignments_across_programmes_soonest_due_first() {
		CaseKey acme = assigned(ACME, LATER);
		CaseKey publicCase = assigned(PUBLIC, SOON);
		CaseKey globex = ReviewFixtures.readyCase(this.cases, GLOBEX, "Is my pacemaker setting right?", SOON);
		ReviewFixtures.assignReview(this.assignments, globex, this.other);

		List<WorkItem> mine = as(this.specialist, () -> this.work.worklist());
		assertThat(mine).extracting(WorkItem::key).containsExactly(publicCase, acme);
		assertThat(mine).extracting(WorkItem::programme).doesNotContainNull().doesNotHaveDuplicates();
		assertThat(mine).allSatisfy((item) -> {
			assertThat(item.task()).isEqualTo(Assignment.Task.REVIEW);
			assertThat(item.state()).isEqualTo(Assignment.State.ASSIGNED);
			assertThat(item.status()).isEqualTo(CaseStatus.ASSIGNED);
			assertThat(item.specialty()).isEqualTo("cardiology");
		});
		assertThat(mine.get(0).dueOn()).isEqualTo(SOON);
		assertThat(as(this.other, () -> this.work.worklist())).extracting(WorkItem::key).containsExactly(globex);
	}

	@Test
	void accepting_puts_the_case_in_review() {
		CaseKey key = assigned(ACME, SOON);
		Assignment accepted = as(this.specialist, () -> this.work.accept(key, Assignment.Task.REVIEW));
		assertThat(accepted.state()).isEqualTo(Assignment.State.ACCEPTED);
		assertThat(ReviewFixtures.status(key)).isEqualTo(CaseStatus.IN_REVIEW);
		assertThat(as(this.specialist, () -> this.work.worklist())).extracting(WorkItem::state)
			.containsExactly(Assignment.State.ACCEPTED);
	}

	@Test
	void declining_needs_a_reason_then_sends_the_case_back_to_triage_and_closes_the_file() {
		CaseKey key = assigned(ACME, SOON);
		assertThatThrownBy(() -> as(this.specialist, () -> {
			this.work.decline(key, Assignment.Task.REVIEW, "   ");
			return null;
		})).isInstanceOfSatisfying(ReviewProblems.class, (ex) -> assertThat(ex.problems()).containsKey("reason"));
		assertThat(ReviewFixtures.status(key)).isEqualTo(CaseStatus.ASSIGNED);
		assertThat(as(this.specialist, () -> this.work.caseFile(key)).assignment(Assignment.Task.REVIEW))
			.hasValueSatisfying((a) -> assertThat(a.state()).isEqualTo(Assignment.State.ASSIGNED));

		as(this.specialist, () -> {
			this.work.decline(key, Assignment.Task.REVIEW, "Outside my sub-specialty");
			return null;
		});
		assertThat(ReviewFixtures.status(key)).isEqualTo(CaseStatus.READY_FOR_TRIAGE);
		assertThatThrownBy(() -> as(this.specialist, () -> this.work.caseFile(key)))
			.isInstanceOf(CaseNotFoundException.class);
		assertThat(as(this.specialist, () -> this.work.worklist())).isEmpty();
	}

	@Test
	void the_case_file_holds_intake_doctor_and_records_and_its_reading_is_audited() {
		CaseKey key = assigned(PUBLIC, SOON);
		ReviewFixtures.doctorAsks(key, "Would you operate now or wait?");
		RecordSummary pdf = upload(key, "echo report.pdf");

		CaseFile file = as(this.specialist, () -> this.work.caseFile(key));
		assertThat(file.details().request().symptoms()).isEqualTo("Breathless on stairs");
		assertThat(file.doctor().history()).isEqualTo("Two syncopal episodes since March");
		assertThat(file.doctor().diagnosis()).isEqualTo("Aortic stenosis");
		assertThat(file.questions()).containsExactly("Is the valve repair needed?", "Would you operate now or wait?");
		assertThat(file.records()).extracting(RecordSummary::id).containsExactly(pdf.id());
		assertThat(file.assignments()).extracting(Assignment::task).containsExactly(Assignment.Task.REVIEW);
		assertThat(file.programme()).isNotBlank();
		assertThat(TestDatabase.get()
			.adminJdbc()
			.queryForList("select action from audit_event where tenant_id = ? and subject_id = ?", String.class,
					PUBLIC.value(), ReviewFixtures.id(key).toString()))
			.contains("CASE_FILE_VIEWED");
	}

	@Test
	void autosaving_keeps_one_draft_version_and_updates_it() {
		CaseKey key = accepted(ACME);
		assertThatThrownBy(() -> as(this.other, () -> this.work.saveDraft(key, draft("x"))))
			.isInstanceOf(CaseNotFoundException.class);
		as(this.specialist, () -> this.work.saveDraft(key, draft("First words")));
		OpinionVersion saved = as(this.specialist, () -> this.work.saveDraft(key, draft("First words, and more")));

		List<OpinionVersion> versions = as(this.specialist, () -> this.work.versions(key));
		assertThat(versions).hasSize(1);
		assertThat(versions.get(0).state()).isEqualTo(OpinionVersion.State.DRAFT);
		assertThat(versions.get(0).content().summary()).isEqualTo("First words, and more");
		assertThat(versions.get(0).authorName()).isEqualTo(this.specialist.displayName());
		assertThat(saved.version()).isEqualTo(1);
	}

	@Test
	void a_draft_needs_the_accepted_review_and_a_section_may_not_exceed_its_size() {
		CaseKey key = assigned(ACME, SOON);
		assertThatThrownBy(() -> as(this.specialist, () -> this.work.saveDraft(key, draft("Too early"))))
			.isInstanceOfSatisfying(ReviewProblems.class,
					(ex) -> assertThat(ex.problems()).containsEntry("form", List.of("work.error.accept-first")));
		as(this.specialist, () -> this.work.accept(key, Assignment.Task.REVIEW));
		assertThatThrownBy(() -> as(this.specialist, () -> this.work.saveDraft(key, draft("x".repeat(20_001)))))
			.isInstanceOfSatisfying(ReviewProblems.class,
					(ex) -> assertThat(ex.problems()).containsEntry("summary", List.of("work.error.too-long")));
		assertThat(as(this.specialist, () -> this.work.versions(key))).isEmpty();
	}

	@Test
	void submitting_an_incomplete_opinion_names_each_missing_section_and_changes_nothing() {
		CaseKey key = assigned(ACME, SOON);
		ReviewFixtures.doctorAsks(key, "Would you operate now or wait?");
		as(this.specialist, () -> this.work.accept(key, Assignment.Task.REVIEW));
		as(this.specialist, () -> this.work.saveDraft(key,
				new OpinionContent("A summary", null, "",
						List.of(new OpinionContent.Answer("Is the valve repair needed?", "Yes, within three months")),
						"", "", "", "")));

		assertThatThrownBy(() -> as(this.specialist, () -> this.work.submitOpinion(key)))
			.isInstanceOfSatisfying(ReviewProblems.class, (ex) -> assertThat(ex.problems().keySet())
				.containsExactlyInAnyOrder("assessment", "assessmentReasoning", "answer.1", "recommendations"));
		assertThat(as(this.specialist, () -> this.work.versions(key))).extracting(OpinionVersion::state)
			.containsExactly(OpinionVersion.State.DRAFT);
		assertThat(ReviewFixtures.status(key)).isEqualTo(CaseStatus.IN_REVIEW);
		assertThat(this.events.stream(OpinionSubmitted.class)).isEmpty();
	}

	@Test
	void a_complete_opinion_is_frozen_on_submission_the_case_moves_on_and_the_event_is_raised() {
		CaseKey key = assigned(PUBLIC, SOON);
		ReviewFixtures.doctorAsks(key, "Would you operate now or wait?");
		as(this.specialist, () -> this.work.accept(key, Assignment.Task.REVIEW));
		as(this.specialist, () -> this.work.saveDraft(key, complete()));

		OpinionVersion submitted = as(this.specialist, () -> this.work.submitOpinion(key));
		assertThat(submitted.state()).isEqualTo(OpinionVersion.State.SUBMITTED);
		assertThat(submitted.submittedAt()).isNotNull();
		assertThat(ReviewFixtures.status(key)).isEqualTo(CaseStatus.OPINION_SUBMITTED);
		assertThat(this.events.stream(OpinionSubmitted.class)).singleElement().satisfies((event) -> {
			assertThat(event.tenant()).isEqualTo(PUBLIC);
			assertThat(event.caseId()).isEqualTo(ReviewFixtures.id(key));
			assertThat(event.version()).isEqualTo(1);
			assertThat(event.authorAccountId()).isEqualTo(this.specialist.id());
		});
		assertThat(TenantContext.callAs(PUBLIC,
				() -> Users.as(ReviewFixtures.TRIAGE, () -> this.cases.timeline(ReviewFixtures.id(key)))))
			.extracting(TimelineEntry::what)
			.contains("opinion-submitted");
		assertThatThrownBy(() -> as(this.specialist, () -> this.work.saveDraft(key, complete())))
			.isInstanceOfSatisfying(ReviewProblems.class,
					(ex) -> assertThat(ex.problems()).containsEntry("form", List.of("work.error.not-writable")));
	}

	@Test
	void a_returned_opinion_shows_the_reviewers_comment_and_is_rewritten_as_a_new_version() {
		CaseKey key = assigned(ACME, SOON);
		as(this.specialist, () -> this.work.accept(key, Assignment.Task.REVIEW));
		as(this.specialist, () -> this.work.saveDraft(key, complete()));
		as(this.specialist, () -> this.work.submitOpinion(key));
		ReviewFixtures.returnToSpecialist(key, "Please cite the current guideline.");

		assertThat(as(this.specialist, () -> this.work.lastReview(key))).hasValueSatisfying((note) -> {
			assertThat(note.comment()).isEqualTo("Please cite the current guideline.");
			assertThat(note.version()).isEqualTo(1);
		});
		as(this.specialist, () -> this.work.saveDraft(key, complete()));
		assertThat(as(this.specialist, () -> this.work.versions(key))).extracting(OpinionVersion::state)
			.containsExactly(OpinionVersion.State.RETURNED, OpinionVersion.State.DRAFT);
		as(this.specialist, () -> this.work.submitOpinion(key));
		assertThat(ReviewFixtures.status(key)).isEqualTo(CaseStatus.OPINION_SUBMITTED);
		assertThat(this.events.stream(OpinionSubmitted.class)).extracting(OpinionSubmitted::version)
			.containsExactly(1, 2);
	}

	@Test
	void a_specialist_not_on_the_case_can_neither_read_it_nor_download_its_records() throws Exception {
		CaseKey key = assigned(ACME, SOON);
		RecordSummary pdf = upload(key, "angiogram.pdf");
		String url = "/work/" + key.path() + "/records/" + pdf.id() + "/content";

		assertThatThrownBy(() -> as(this.other, () -> this.work.caseFile(key)))
			.isInstanceOf(CaseNotFoundException.class);
		assertThatThrownBy(() -> as(this.other, () -> this.work.versions(key)))
			.isInstanceOf(CaseNotFoundException.class);
		assertThat(download(this.other, url)).isEqualTo(404);
		assertThat(download(this.specialist, url)).as("the assigned specialist").isEqualTo(200);
		assertThatThrownBy(() -> as(this.specialist, () -> this.work.caseFile(new CaseKey(GLOBEX, key.reference()))))
			.isInstanceOf(CaseNotFoundException.class);
	}

	private CaseKey assigned(TenantId tenant, LocalDate dueOn) {
		CaseKey key = ReviewFixtures.readyCase(this.cases, tenant, "Is the valve repair needed?", dueOn);
		ReviewFixtures.assignReview(this.assignments, key, this.specialist);
		return key;
	}

	private CaseKey accepted(TenantId tenant) {
		CaseKey key = assigned(tenant, SOON);
		as(this.specialist, () -> this.work.accept(key, Assignment.Task.REVIEW));
		return key;
	}

	private RecordSummary upload(CaseKey key, String name) {
		return TenantContext.callAs(key.tenant(),
				() -> Users.as(ReviewFixtures.TRIAGE,
						() -> this.records.upload(ReviewFixtures.id(key),
								new NewRecord(RecordKind.MEDICAL_RECORD, "en", name),
								new ByteArrayInputStream(TestFiles.pdf(1)))));
	}

	private static OpinionContent draft(String summary) {
		return new OpinionContent(summary, null, "", List.of(), "", "", "", "");
	}

	private static OpinionContent complete() {
		return new OpinionContent("68-year-old with severe aortic stenosis.", OpinionContent.Assessment.AGREE,
				"Echo and symptoms are concordant.",
				List.of(new OpinionContent.Answer("Is the valve repair needed?", "Yes."),
						new OpinionContent.Answer("Would you operate now or wait?", "Now.")),
				"Refer for valve replacement.", "", "", "");
	}

	/**
	 * The operator-site download as the signed-in user, through Spring MVC. The security
	 * filter chain is left out: under MockMvc its Vaadin request matchers need a servlet
	 * container that this test does not start, and signing in is not what is tested here
	 * (the principal is set as sign-in would set it; the site as the host filter would).
	 */
	private int download(ConsiliumUser user, String url) {
		MockMvc mvc = MockMvcBuilders.webAppContextSetup(this.context).build();
		return as(user, () -> {
			try {
				return mvc.perform(get(url).requestAttr(Site.class.getName(), new Site.OperatorSite()))
					.andReturn()
					.getResponse()
					.getStatus();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
	}

	private static <T> T as(ConsiliumUser user, Supplier<T> work) {
		return Users.as(user, work);
	}

}

package org.consilium.review.internal;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import org.consilium.cases.CaseId;
import org.consilium.cases.CaseNotFoundException;
import org.consilium.cases.Cases;
import org.consilium.cases.TimelineEntry;
import org.consilium.identity.ConsiliumUser;
import org.consilium.records.RecordSummary;
import org.consilium.records.Records;
import org.consilium.review.CaseKey;
import org.consilium.review.Reread;
import org.consilium.review.RereadFixtures;
import org.consilium.review.Rereads;
import org.consilium.review.ReviewProblems;
import org.consilium.specialists.Ranking;
import org.consilium.support.IntegrationTest;
import org.consilium.support.MutableClock;
import org.consilium.support.TestDatabase;
import org.consilium.support.Users;
import org.consilium.tenantconfig.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Re-reads end to end through the service: who may ask for one, ranked readers of the
 * right specialty, the reader's access opening with the assignment and closing with the
 * report (by service and by native SQL under row-level security), the timeline, and what
 * approval waits for.
 */
@IntegrationTest
class RereadsIT {

	static final String CASE_SQL = "select count(*) from medical_case where id = ?";

	@Autowired
	ApplicationContext context;

	@Autowired
	Rereads rereads;

	@Autowired
	Cases cases;

	@Autowired
	Records records;

	@Autowired
	MutableClock clock;

	RereadFixtures fixtures;

	CaseKey key;

	@BeforeEach
	void aCaseAndTwoReaders() {
		this.fixtures = new RereadFixtures("rr", this.context);
		this.fixtures.addReaders();
		this.key = this.fixtures.caseReadyForTriage();
	}

	@AfterEach
	void removeReaders() {
		this.fixtures.removeReaders();
	}

	@Test
	void triage_and_the_specialist_who_accepted_the_review_ask_for_rereads_which_go_on_the_timeline() {
		Reread radiology = as(this.fixtures.triage,
				() -> this.rereads.request(this.key, Reread.Kind.RADIOLOGY, "  Second look at the CT chest.  "));
		assertThat(radiology.state()).isEqualTo(Reread.State.REQUESTED);
		assertThat(radiology.note()).isEqualTo("Second look at the CT chest.");
		assertThat(radiology.requestedByName()).isEqualTo("rr-triage");

		this.fixtures.reviewAccepted(this.key);
		this.clock.advance(Duration.ofMinutes(5));
		as(this.fixtures.reviewer,
				() -> this.rereads.request(this.key, Reread.Kind.PATHOLOGY, "Review the biopsy report of May."));

		assertThat(as(this.fixtures.triage, () -> this.rereads.ofCase(this.key)))
			.extracting(Reread::kind, Reread::state, Reread::requestedByName)
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple(Reread.Kind.RADIOLOGY, Reread.State.REQUESTED, "rr-triage"),
					org.assertj.core.groups.Tuple.tuple(Reread.Kind.PATHOLOGY, Reread.State.REQUESTED, "rr-reviewer"));
		assertThat(timeline()).filteredOn((entry) -> entry.what().equals("reread-requested"))
			.extracting((entry) -> entry.args().get("kindKey"))
			.containsExactly("reread.kind.radiology", "reread.kind.pathology");
		assertThat(pending()).containsExactly("reread.pending.RADIOLOGY", "reread.pending.PATHOLOGY");
	}

	@Test
	void a_specialist_not_on_the_case_or_an_empty_note_is_refused_and_nothing_is_stored() {
		assertThatThrownBy(() -> as(this.fixtures.radiologist,
				() -> this.rereads.request(this.key, Reread.Kind.RADIOLOGY, "Let me look")))
			.isInstanceOf(CaseNotFoundException.class);
		assertThatThrownBy(() -> as(this.fixtures.triage, () -> this.rereads.request(this.key, null, "   ")))
			.isInstanceOfSatisfying(ReviewProblems.class,
					(problems) -> assertThat(problems.problems())
						.containsEntry("note", List.of("reread.error.note-required"))
						.containsEntry("kind", List.of("reread.error.kind-required")));
		assertThatThrownBy(() -> as(this.fixtures.triage,
				() -> this.rereads.request(this.key, Reread.Kind.PATHOLOGY, "x".repeat(2_001))))
			.isInstanceOfSatisfying(ReviewProblems.class, (problems) -> assertThat(problems.problems())
				.containsEntry("note", List.of("reread.error.note-length")));
		assertThat(rows()).isZero();
		// Positive control: the same request with a note is stored.
		as(this.fixtures.triage, () -> this.rereads.request(this.key, Reread.Kind.PATHOLOGY, "Slides, please"));
		assertThat(rows()).isOne();
	}

	@Test
	void the_reviewer_must_have_accepted_and_the_case_must_be_before_approval() {
		var caseId = this.fixtures.caseId(this.key);
		this.fixtures.inAcme(this.fixtures.triage, () -> this.context.getBean(org.consilium.cases.CaseAssignments.class)
			.assign(caseId, org.consilium.cases.Assignment.Task.REVIEW, null,
					new org.consilium.cases.Assignment.Assignee(this.fixtures.reviewer.id(), "rr-reviewer", null),
					"Valve disease"));
		assertThatThrownBy(() -> as(this.fixtures.reviewer,
				() -> this.rereads.request(this.key, Reread.Kind.RADIOLOGY, "Before accepting")))
			.isInstanceOf(AccessDeniedException.class);

		TestDatabase.get()
			.adminJdbc()
			.update("update medical_case set status = 'APPROVED' where id = ?", caseId.value());
		assertThatThrownBy(
				() -> as(this.fixtures.triage, () -> this.rereads.request(this.key, Reread.Kind.RADIOLOGY, "Too late")))
			.isInstanceOfSatisfying(ReviewProblems.class, (problems) -> assertThat(problems.problems())
				.containsEntry("case", List.of("reread.error.case-not-open")));
		assertThat(rows()).isZero();
	}

	@Test
	void suggestions_for_a_radiology_reread_are_radiologists_with_the_reasons_for_their_score() {
		Reread reread = requestRadiology();
		List<Ranking.Suggestion> suggestions = as(this.fixtures.triage,
				() -> this.rereads.suggestions(this.key, reread.id()));
		assertThat(suggestions).extracting(Ranking.Suggestion::specialistId)
			.contains(this.fixtures.radiologistId)
			.doesNotContain(this.fixtures.pathologistId);
		assertThat(suggestions).allSatisfy((suggestion) -> assertThat(TestDatabase.get()
			.adminJdbc()
			.queryForObject("select 'radiology' = any (specialties) from specialist where specialist_id = ?",
					Boolean.class, suggestion.specialistId()))
			.as(suggestion.displayName())
			.isTrue());
		Ranking.Suggestion ruth = suggestions.stream()
			.filter((s) -> s.specialistId().equals(this.fixtures.radiologistId))
			.findFirst()
			.orElseThrow();
		assertThat(ruth.reasons()).extracting(Ranking.Reason::key).contains("in-pool", "capacity");
		assertThat(ruth.score()).isEqualTo(ruth.reasons().stream().mapToInt(Ranking.Reason::points).sum());
	}

	@Test
	void only_a_suggested_reader_can_be_assigned_and_only_with_a_reason() {
		Reread reread = requestRadiology();
		assertThatThrownBy(() -> as(this.fixtures.triage,
				() -> this.rereads.assign(this.key, reread.id(), this.fixtures.pathologistId, "Knows CT")))
			.isInstanceOfSatisfying(ReviewProblems.class, (problems) -> assertThat(problems.problems())
				.containsEntry("specialist", List.of("reread.error.not-eligible")));
		assertThatThrownBy(() -> as(this.fixtures.triage,
				() -> this.rereads.assign(this.key, reread.id(), this.fixtures.radiologistId, " ")))
			.isInstanceOfSatisfying(ReviewProblems.class, (problems) -> assertThat(problems.problems())
				.containsEntry("reason", List.of("reread.error.reason-required")));
		assertThat(as(this.fixtures.triage, () -> this.rereads.ofCase(this.key))).extracting(Reread::state)
			.containsExactly(Reread.State.REQUESTED);
	}

	@Test
	void the_assigned_radiologist_reads_the_case_until_their_report_ends_the_access() {
		Reread reread = assignRadiology();
		assertThat(reread.state()).isEqualTo(Reread.State.ASSIGNED);
		assertThat(reread.assigneeName()).isEqualTo("Ruth Radley");

		CaseId caseId = this.fixtures.caseId(this.key);
		assertThat(inAcme(this.fixtures.radiologist, () -> this.cases.get(caseId).question()))
			.isEqualTo("Is the valve repair needed?");
		assertThat(inAcme(this.fixtures.radiologist, () -> this.records.list(caseId)))
			.extracting((record) -> record.dicom().modality())
			.containsExactly("CT");
		assertThat(this.fixtures.sqlCount(this.fixtures.radiologist, CASE_SQL, this.key)).isOne();
		assertThatThrownBy(() -> inAcme(this.fixtures.pathologist, () -> this.cases.get(caseId)))
			.isInstanceOf(CaseNotFoundException.class);
		assertThatThrownBy(() -> as(this.fixtures.pathologist, () -> this.rereads.desk(this.key)))
			.isInstanceOf(CaseNotFoundException.class);
		assertThat(this.fixtures.sqlCount(this.fixtures.pathologist, CASE_SQL, this.key)).isZero();

		var desk = as(this.fixtures.radiologist, () -> this.rereads.desk(this.key));
		assertThat(desk.rereads()).extracting(Reread::id).containsExactly(reread.id());
		assertThat(desk.records()).extracting(RecordSummary::fileName).containsExactly("IM0001.dcm");
		assertThat(as(this.fixtures.radiologist, () -> this.rereads.accept(this.key, reread.id())).assignmentState())
			.isEqualTo(org.consilium.cases.Assignment.State.ACCEPTED);

		assertThatThrownBy(() -> as(this.fixtures.radiologist,
				() -> this.rereads.report(this.key, reread.id(), "No mass in the right upper lobe.", " ", null)))
			.isInstanceOfSatisfying(ReviewProblems.class,
					(problems) -> assertThat(problems.problems()).containsOnlyKeys("impression", "concordance"));
		assertThat(pending()).containsExactly("reread.pending.RADIOLOGY");

		Reread done = as(this.fixtures.radiologist, () -> this.rereads.report(this.key, reread.id(),
				"No mass in the right upper lobe.", "Normal CT chest.", Reread.Concordance.MINOR_DISCREPANCY));
		assertThat(done.state()).isEqualTo(Reread.State.DONE);
		assertThat(done.report().concordance()).isEqualTo(Reread.Concordance.MINOR_DISCREPANCY);
		assertThat(done.report().reportedByName()).isEqualTo("rr-radiologist");

		assertThatThrownBy(() -> inAcme(this.fixtures.radiologist, () -> this.cases.get(caseId)))
			.isInstanceOf(CaseNotFoundException.class);
		assertThat(this.fixtures.sqlCount(this.fixtures.radiologist, CASE_SQL, this.key)).isZero();
		assertThat(this.fixtures.sqlCount(this.fixtures.radiologist, "select count(*) from reread where case_id = ?",
				this.key))
			.isZero();
		assertThat(pending()).isEmpty();
		assertThat(as(this.fixtures.triage, () -> this.rereads.ofCase(this.key)).get(0).report().impression())
			.isEqualTo("Normal CT chest.");
		assertThat(timeline()).extracting(TimelineEntry::what).contains("reread-requested", "reread-done");
	}

	@Test
	void a_declined_reread_goes_back_to_triage_and_the_decliner_loses_the_case() {
		Reread reread = assignRadiology();
		assertThatThrownBy(() -> as(this.fixtures.radiologist, () -> {
			this.rereads.decline(this.key, reread.id(), "");
			return null;
		})).isInstanceOf(ReviewProblems.class);
		as(this.fixtures.radiologist, () -> {
			this.rereads.decline(this.key, reread.id(), "On leave next week");
			return null;
		});
		assertThat(as(this.fixtures.triage, () -> this.rereads.ofCase(this.key)))
			.extracting(Reread::state, Reread::assigneeName)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(Reread.State.REQUESTED, null));
		assertThat(this.fixtures.sqlCount(this.fixtures.radiologist, CASE_SQL, this.key)).isZero();
	}

	@Test
	void triage_cancels_a_reread_which_ends_its_readers_access_and_no_longer_holds_up_approval() {
		Reread reread = assignRadiology();
		assertThat(pending()).hasSize(1);
		as(this.fixtures.triage, () -> {
			this.rereads.cancel(this.key, reread.id(), "The CT was already double-read");
			return null;
		});
		assertThat(as(this.fixtures.triage, () -> this.rereads.ofCase(this.key))).extracting(Reread::state)
			.containsExactly(Reread.State.CANCELLED);
		assertThat(pending()).isEmpty();
		assertThat(this.fixtures.sqlCount(this.fixtures.radiologist, CASE_SQL, this.key)).isZero();
		assertThat(timeline()).extracting(TimelineEntry::what).contains("reread-cancelled");
		assertThatThrownBy(() -> as(this.fixtures.triage, () -> {
			this.rereads.cancel(this.key, reread.id(), "Again");
			return null;
		})).isInstanceOfSatisfying(ReviewProblems.class,
				(problems) -> assertThat(problems.problems()).containsKey("reread"));
	}

	private Reread requestRadiology() {
		return as(this.fixtures.triage,
				() -> this.rereads.request(this.key, Reread.Kind.RADIOLOGY, "Second look at the CT chest."));
	}

	private Reread assignRadiology() {
		Reread reread = requestRadiology();
		return as(this.fixtures.triage,
				() -> this.rereads.assign(this.key, reread.id(), this.fixtures.radiologistId, "Chest CT reader"));
	}

	private List<TimelineEntry> timeline() {
		CaseId caseId = this.fixtures.caseId(this.key);
		return inAcme(this.fixtures.triage, () -> this.cases.timeline(caseId));
	}

	private List<String> pending() {
		CaseId caseId = this.fixtures.caseId(this.key);
		return inAcme(this.fixtures.triage, () -> this.rereads.pendingBeforeApproval(caseId));
	}

	private long rows() {
		return TestDatabase.get()
			.adminJdbc()
			.queryForObject("select count(*) from reread where case_id = ?", Long.class,
					this.fixtures.caseId(this.key).value());
	}

	private <T> T inAcme(ConsiliumUser user, Supplier<T> work) {
		return this.fixtures.inAcme(user, work);
	}

	private static <T> T as(ConsiliumUser user, Supplier<T> work) {
		return Users.as(user, work);
	}

}

package org.consilium.review.internal;

import java.util.List;

import jakarta.mail.internet.MimeMessage;
import org.consilium.cases.Assignment;
import org.consilium.cases.CaseDetails;
import org.consilium.cases.CaseStatus;
import org.consilium.cases.Cases;
import org.consilium.cases.IllegalCaseTransitionException;
import org.consilium.identity.ConsiliumUser;
import org.consilium.identity.DemoAccounts;
import org.consilium.review.CaseKey;
import org.consilium.review.ReviewProblems;
import org.consilium.review.Triage;
import org.consilium.review.Triage.TriageCase;
import org.consilium.specialists.Ranking;
import org.consilium.support.IntegrationTest;
import org.consilium.support.TestDatabase;
import org.consilium.support.TestMail;
import org.consilium.support.Users;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.TenantId;
import org.consilium.tenantconfig.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Triage across programmes on the demo data (dev profile): the demo cardiologists who can
 * sign in are Sarah Cohen (general panel) and Hiroshi Tanaka (general and Acme panels).
 * Every test opens its own case as the demo patient and puts it in the queue.
 */
@IntegrationTest
class TriageIT {

	static final TenantId ACME = TenantId.of("acme");

	static final TenantId GLOBEX = TenantId.of("globex");

	static final ConsiliumUser TRIAGE = Users.operator("triage-it", Role.TRIAGE);

	@Autowired
	Triage triage;

	@Autowired
	Cases cases;

	@Autowired
	DemoAccounts demo;

	@Test
	void the_queue_shows_ready_cases_of_every_programme_with_their_programme_soonest_due_first() {
		CaseKey later = readyCase(ACME, "cardiology", "2031-03-20");
		CaseKey sooner = readyCase(GLOBEX, "cardiology", "2031-03-05");
		List<Triage.QueueItem> queue = Users.as(TRIAGE, () -> this.triage.queue(Triage.Lane.READY));
		List<CaseKey> keys = queue.stream().map(Triage.QueueItem::key).toList();
		assertThat(keys).contains(later, sooner);
		assertThat(keys.indexOf(sooner)).isLessThan(keys.indexOf(later));
		Triage.QueueItem acme = queue.stream().filter((item) -> item.key().equals(later)).findFirst().orElseThrow();
		assertThat(acme.programme()).isEqualTo("Acme Expert Medical Opinion");
		assertThat(acme.specialty()).isEqualTo("cardiology");
		assertThat(Users.as(TRIAGE, () -> this.triage.queue(Triage.Lane.WAITING))).extracting(Triage.QueueItem::key)
			.doesNotContain(later, sooner);
	}

	@Test
	void suggestions_rank_the_programmes_eligible_specialists_with_a_reason_for_every_point() {
		CaseKey key = readyCase(ACME, "cardiology", "2031-03-20");
		TriageCase opened = Users.as(TRIAGE, () -> this.triage.open(key));
		assertThat(opened.suggestions()).extracting(Ranking.Suggestion::specialistId)
			.startsWith("sp-hiroshi-tanaka")
			.contains("sp-sarah-cohen")
			.as("cardiologists who cannot sign in are never suggested")
			.doesNotContain("sp-javier-ortega");
		Ranking.Suggestion best = opened.suggestions().get(0);
		assertThat(best.reasons()).extracting(Ranking.Reason::key).contains("in-pool", "language", "capacity");
		assertThat(best.score()).isEqualTo(best.reasons().stream().mapToInt(Ranking.Reason::points).sum());
		assertThat(opened.suggestions().get(1).reasons()).extracting(Ranking.Reason::key).contains("outside-pools");
		assertThat(opened.patientLocation()).isEqualTo("US-MA");
	}

	@Test
	void an_assignment_needs_a_reason_and_an_eligible_specialist_and_changes_nothing_otherwise() {
		CaseKey key = readyCase(ACME, "cardiology", "2031-03-20");
		assertThatThrownBy(() -> Users.as(TRIAGE, () -> {
			this.triage.assign(key, "sp-hiroshi-tanaka", " ");
			return null;
		})).isInstanceOfSatisfying(ReviewProblems.class, (ex) -> assertThat(ex.problems()).containsKey("reason"));
		assertThatThrownBy(() -> Users.as(TRIAGE, () -> {
			this.triage.assign(key, "sp-javier-ortega", "Speaks Spanish");
			return null;
		})).isInstanceOfSatisfying(ReviewProblems.class,
				(ex) -> assertThat(ex.problems()).containsEntry("specialist", List.of("triage.error.not-eligible")));
		TriageCase unchanged = Users.as(TRIAGE, () -> this.triage.open(key));
		assertThat(unchanged.details().status()).isEqualTo(CaseStatus.READY_FOR_TRIAGE);
		assertThat(unchanged.assignments()).isEmpty();
	}

	@Test
	void assigning_and_reassigning_moves_the_review_and_keeps_the_history() {
		CaseKey key = readyCase(ACME, "cardiology", "2031-03-20");
		Users.as(TRIAGE, () -> {
			this.triage.assign(key, "sp-hiroshi-tanaka", "Acme panel cardiologist");
			return null;
		});
		TriageCase assigned = Users.as(TRIAGE, () -> this.triage.open(key));
		assertThat(assigned.details().status()).isEqualTo(CaseStatus.ASSIGNED);
		assertThat(assigned.openReview()).map(Assignment::specialistId).contains("sp-hiroshi-tanaka");
		assertThat(Users.as(TRIAGE, () -> this.triage.queue(Triage.Lane.IN_REVIEW)))
			.filteredOn((item) -> item.key().equals(key))
			.extracting(Triage.QueueItem::assignee)
			.containsExactly("Hiroshi Tanaka");

		Users.as(TRIAGE, () -> {
			this.triage.assign(key, "sp-sarah-cohen", "Lighter load this week");
			return null;
		});
		TriageCase reassigned = Users.as(TRIAGE, () -> this.triage.open(key));
		assertThat(reassigned.assignments()).extracting(Assignment::specialistId, Assignment::state)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("sp-hiroshi-tanaka", Assignment.State.ENDED),
					org.assertj.core.groups.Tuple.tuple("sp-sarah-cohen", Assignment.State.ASSIGNED));
	}

	@Test
	void a_hold_for_missing_records_asks_the_patient_ends_the_review_and_shows_on_the_timeline() {
		CaseKey key = readyCase(ACME, "cardiology", "2031-03-20");
		Users.as(TRIAGE, () -> {
			this.triage.assign(key, "sp-hiroshi-tanaka", "Acme panel cardiologist");
			this.triage.hold(key, "The echocardiogram report from March is missing");
			return null;
		});
		TriageCase held = Users.as(TRIAGE, () -> this.triage.open(key));
		assertThat(held.details().status()).isEqualTo(CaseStatus.ON_HOLD);
		assertThat(held.openReview()).isEmpty();
		ConsiliumUser patient = patientOf(ACME);
		MimeMessage mail = TestMail.get().awaitSubject(patient.username(), "Records are needed");
		assertThat(TestMail.content(mail)).doesNotContain("echocardiogram")
			.contains("/cases/" + key.reference().value() + "/records");
		assertThat(TenantContext.callAs(ACME, () -> Users.as(patient, () -> this.cases.timeline(held.details().id()))))
			.anyMatch((entry) -> "on-hold".equals(entry.what()) && entry.args().get("text").contains("echocardiogram"));

		assertThatThrownBy(() -> Users.as(TRIAGE, () -> {
			this.triage.assign(key, "sp-hiroshi-tanaka", "Again");
			return null;
		})).isInstanceOf(IllegalCaseTransitionException.class);
		Users.as(TRIAGE, () -> {
			this.triage.markReady(key);
			return null;
		});
		assertThat(Users.as(TRIAGE, () -> this.triage.open(key)).details().status())
			.isEqualTo(CaseStatus.READY_FOR_TRIAGE);
	}

	@Test
	void only_triage_staff_may_triage() {
		CaseKey key = readyCase(ACME, "cardiology", "2031-03-20");
		ConsiliumUser specialist = Users.operator("triage-it-specialist", Role.SPECIALIST);
		ConsiliumUser coordinator = Users.user("acme", "triage-it-coordinator", Role.CASE_COORDINATOR);
		assertThatThrownBy(() -> Users.as(specialist, () -> this.triage.queue(Triage.Lane.READY)))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> Users.as(coordinator, () -> this.triage.open(key)))
			.isInstanceOf(AccessDeniedException.class);
	}

	private CaseKey readyCase(TenantId tenant, String specialty, String dueOn) {
		ConsiliumUser patient = patientOf(tenant);
		CaseDetails draft = TenantContext.callAs(tenant,
				() -> Users.as(patient, () -> this.cases.openDraft(specialty, "Triage question " + System.nanoTime())));
		TestDatabase.get()
			.adminJdbc()
			.update("update medical_case set status = 'READY_FOR_TRIAGE', submitted_at = now(), due_on = ?::date "
					+ "where id = ?", dueOn, draft.id().value());
		return new CaseKey(tenant, draft.reference());
	}

	private ConsiliumUser patientOf(TenantId tenant) {
		return this.demo.usersOf(tenant).stream().filter((user) -> user.has(Role.PATIENT)).findFirst().orElseThrow();
	}

}

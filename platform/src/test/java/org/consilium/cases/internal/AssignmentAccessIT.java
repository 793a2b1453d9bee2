package org.consilium.cases.internal;

import java.util.function.Supplier;

import org.consilium.cases.Assignment;
import org.consilium.cases.AssignmentNotFoundException;
import org.consilium.cases.CaseAccess;
import org.consilium.cases.CaseDetails;
import org.consilium.cases.CaseNotFoundException;
import org.consilium.cases.CaseAssignments;
import org.consilium.cases.CaseStatus;
import org.consilium.cases.Cases;
import org.consilium.identity.ConsiliumUser;
import org.consilium.support.IntegrationTest;
import org.consilium.support.TestDatabase;
import org.consilium.support.Users;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.TenantId;
import org.consilium.tenantconfig.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A specialist sees a case only while assigned to it — through the service and, with the
 * application's checks out of the way, through row-level security on native SQL — and the
 * access ends the moment the assignment does (declined, reassigned). Triage staff see
 * every case of the programme they work in. Each negative has a positive control.
 */
@IntegrationTest
class AssignmentAccessIT {

	static final TenantId ACME = TenantId.of("acme");

	static final ConsiliumUser PATIENT = Users.user("acme", "aa-patient", Role.PATIENT);

	static final ConsiliumUser TRIAGE = Users.operator("aa-triage", Role.TRIAGE);

	static final ConsiliumUser SPECIALIST = Users.operator("aa-specialist", Role.SPECIALIST);

	static final ConsiliumUser OTHER_SPECIALIST = Users.operator("aa-other", Role.SPECIALIST);

	static final ConsiliumUser APPROVER = Users.operator("aa-approver", Role.APPROVER);

	@Autowired
	Cases cases;

	@Autowired
	CaseAccess access;

	@Autowired
	CaseAssignments assignments;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	CaseDetails acmeCase;

	@BeforeEach
	void aCaseReadyForTriage() {
		this.acmeCase = TenantContext.callAs(ACME,
				() -> Users.as(PATIENT, () -> this.cases.openDraft("cardiology", "Is the valve repair needed?")));
		TestDatabase.get()
			.adminJdbc()
			.update("update medical_case set status = 'READY_FOR_TRIAGE' where id = ?", this.acmeCase.id().value());
	}

	@Test
	void a_specialist_sees_nothing_of_an_unassigned_case_by_service_or_by_sql() {
		assertThat(as(TRIAGE, () -> this.cases.get(this.acmeCase.id()).question()))
			.isEqualTo("Is the valve repair needed?");
		assertThatThrownBy(() -> as(SPECIALIST, () -> this.cases.get(this.acmeCase.id())))
			.isInstanceOf(CaseNotFoundException.class);
		assertThatThrownBy(() -> as(APPROVER, () -> this.access.requireRead(this.acmeCase.id())))
			.isInstanceOf(CaseNotFoundException.class);
		assertThat(sqlCount(TRIAGE, "select count(*) from medical_case where id = ?")).isOne();
		assertThat(sqlCount(SPECIALIST, "select count(*) from medical_case where id = ?")).isZero();
		assertThat(sqlCount(APPROVER, "select count(*) from medical_case where id = ?")).isZero();
		assertThat(sqlCount(SPECIALIST, "select count(*) from case_timeline where case_id = ?")).isZero();
		assertThat(sqlCount(TRIAGE, "select count(*) from case_timeline where case_id = ?")).isPositive();
		assertThat(as(SPECIALIST, () -> this.jdbc.update("update medical_case set question = 'x' where id = ?",
				this.acmeCase.id().value())))
			.as("rows of an unassigned case updated")
			.isZero();
	}

	@Test
	void assignment_opens_the_case_to_its_specialist_only_and_declining_closes_it_again() {
		Assignment review = as(TRIAGE, () -> this.assignments.assign(this.acmeCase.id(), Assignment.Task.REVIEW, null,
				new Assignment.Assignee(SPECIALIST.id(), SPECIALIST.displayName(), null), "Valve disease lead"));
		assertThat(as(TRIAGE, () -> this.cases.get(this.acmeCase.id()).status())).isEqualTo(CaseStatus.ASSIGNED);

		assertThat(as(SPECIALIST, () -> this.cases.get(this.acmeCase.id()).question()))
			.isEqualTo("Is the valve repair needed?");
		assertThat(sqlCount(SPECIALIST, "select count(*) from medical_case where id = ?")).isOne();
		assertThat(sqlCount(SPECIALIST, "select count(*) from case_timeline where case_id = ?")).isPositive();
		assertThat(sqlCount(OTHER_SPECIALIST, "select count(*) from medical_case where id = ?")).isZero();
		assertThat(sqlCount(OTHER_SPECIALIST, "select count(*) from case_assignment where case_id = ?"))
			.as("another specialist's assignments")
			.isZero();
		assertThatThrownBy(() -> as(OTHER_SPECIALIST, () -> this.assignments.accept(this.acmeCase.id(), review.id())))
			.isInstanceOf(AssignmentNotFoundException.class);

		as(SPECIALIST, () -> {
			this.assignments.decline(this.acmeCase.id(), review.id(), "Outside my sub-specialty");
			return null;
		});
		assertThat(as(TRIAGE, () -> this.cases.get(this.acmeCase.id()).status()))
			.isEqualTo(CaseStatus.READY_FOR_TRIAGE);
		assertThatThrownBy(() -> as(SPECIALIST, () -> this.cases.get(this.acmeCase.id())))
			.isInstanceOf(CaseNotFoundException.class);
		assertThat(sqlCount(SPECIALIST, "select count(*) from medical_case where id = ?")).isZero();
	}

	@Test
	void reassignment_ends_the_first_specialists_access_in_the_same_moment() {
		as(TRIAGE, () -> this.assignments.assign(this.acmeCase.id(), Assignment.Task.REVIEW, null,
				new Assignment.Assignee(SPECIALIST.id(), SPECIALIST.displayName(), null), "First choice"));
		assertThat(sqlCount(SPECIALIST, "select count(*) from medical_case where id = ?")).isOne();
		as(TRIAGE, () -> this.assignments.assign(this.acmeCase.id(), Assignment.Task.REVIEW, null,
				new Assignment.Assignee(OTHER_SPECIALIST.id(), OTHER_SPECIALIST.displayName(), null), "Load"));
		assertThat(sqlCount(SPECIALIST, "select count(*) from medical_case where id = ?")).isZero();
		assertThat(sqlCount(OTHER_SPECIALIST, "select count(*) from medical_case where id = ?")).isOne();
		assertThat(as(TRIAGE, () -> this.assignments.ofCase(this.acmeCase.id()))).extracting(Assignment::state)
			.containsExactly(Assignment.State.ENDED, Assignment.State.ASSIGNED);
	}

	@Test
	void an_assignment_needs_a_reason() {
		assertThatThrownBy(() -> as(TRIAGE,
				() -> this.assignments.assign(this.acmeCase.id(), Assignment.Task.REVIEW, null,
						new Assignment.Assignee(SPECIALIST.id(), SPECIALIST.displayName(), null), "  ")))
			.isInstanceOf(org.consilium.cases.InvalidCaseException.class);
		assertThat(sqlCount(TRIAGE, "select count(*) from case_assignment where case_id = ?")).isZero();
	}

	private long sqlCount(ConsiliumUser user, String sql) {
		return as(user, () -> this.jdbc.queryForObject(sql, Long.class, this.acmeCase.id().value()));
	}

	private <T> T as(ConsiliumUser user, Supplier<T> work) {
		return TenantContext.callAs(ACME, () -> Users.as(user,
				() -> new TransactionTemplate(this.transactionManager).execute((status) -> work.get())));
	}

}

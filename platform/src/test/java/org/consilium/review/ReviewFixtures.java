package org.consilium.review;

import java.time.LocalDate;

import org.consilium.cases.Assignment;
import org.consilium.cases.CaseAssignments;
import org.consilium.cases.CaseDetails;
import org.consilium.cases.CaseId;
import org.consilium.cases.CaseStatus;
import org.consilium.cases.Cases;
import org.consilium.identity.ConsiliumUser;
import org.consilium.support.TestDatabase;
import org.consilium.support.Users;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.TenantId;
import org.consilium.tenantconfig.Role;

/**
 * Cases ready for triage and assigned to a specialist, as the review tests need them:
 * opened by a patient through the service, moved on by the database owner (the intake
 * steps are not what these tests are about), assigned by triage through the service.
 */
public final class ReviewFixtures {

	public static final ConsiliumUser TRIAGE = Users.operator("review-triage", Role.TRIAGE);

	private ReviewFixtures() {
	}

	/** A cardiology case with one patient question, ready for triage, due on the day. */
	public static CaseKey readyCase(Cases cases, TenantId tenant, String question, LocalDate dueOn) {
		ConsiliumUser patient = Users.user(tenant.value(), "review-patient", Role.PATIENT);
		CaseDetails opened = TenantContext.callAs(tenant,
				() -> Users.as(patient, () -> cases.openDraft("cardiology", question)));
		TestDatabase.get()
			.adminJdbc()
			.update("update medical_case set status = 'READY_FOR_TRIAGE', submitted_at = now(), due_on = ?, "
					+ "symptoms = 'Breathless on stairs' where id = ?", dueOn, opened.id().value());
		return new CaseKey(tenant, opened.reference());
	}

	public static CaseId id(CaseKey key) {
		return new CaseId(TestDatabase.get()
			.adminJdbc()
			.queryForObject("select id from medical_case where tenant_id = ? and reference = ?", java.util.UUID.class,
					key.tenant().value(), key.reference().value()));
	}

	public static Assignment assignReview(CaseAssignments assignments, CaseKey key, ConsiliumUser specialist) {
		return TenantContext
			.callAs(key.tenant(), () -> Users.as(TRIAGE, () -> assignments.assign(id(key), Assignment.Task.REVIEW, null,
					new Assignment.Assignee(specialist.id(), specialist.displayName(), null), "Valve disease lead")));
	}

	/** The doctor's part, as the physician module stores it. */
	public static void doctorAsks(CaseKey key, String question) {
		TestDatabase.get().adminJdbc().update("""
				insert into physician_report (tenant_id, case_id, physician_user_id, history, diagnosis, questions,
				    completed_at, updated_at, version)
				values (?, ?, 'test:doctor', 'Two syncopal episodes since March', 'Aortic stenosis',
				    jsonb_build_array(?::text), now(), now(), 0)
				""", key.tenant().value(), id(key).value(), question);
	}

	public static CaseStatus status(CaseKey key) {
		return CaseStatus.valueOf(TestDatabase.get()
			.adminJdbc()
			.queryForObject("select status from medical_case where id = ?", String.class, id(key).value()));
	}

	/**
	 * What an approver's return of version 1 does to the case, the version and the review
	 * table (the approval itself is not this module's test).
	 */
	public static void returnToSpecialist(CaseKey key, String comment) {
		var admin = TestDatabase.get().adminJdbc();
		java.util.UUID caseId = id(key).value();
		admin.update("update opinion_version set state = 'RETURNED' where case_id = ? and version = 1", caseId);
		admin.update("update medical_case set status = 'RETURNED' where id = ?", caseId);
		// the approver's (or second reader's) assignment ends with the return
		admin.update("""
				update case_assignment set state = 'DONE', ended_at = now()
				where case_id = ? and task in ('APPROVAL', 'SECOND_READ') and state in ('ASSIGNED', 'ACCEPTED')
				""", caseId);
		admin.update("""
				insert into opinion_review (tenant_id, id, case_id, version, kind, outcome, comment, reviewer_id,
				    reviewer_name, reviewed_at)
				values (?, ?, ?, 1, 'APPROVAL', 'RETURNED', ?, 'test:operator:approver', 'Dr. Approver', now())
				""", key.tenant().value(), java.util.UUID.randomUUID(), caseId, comment);
	}

}

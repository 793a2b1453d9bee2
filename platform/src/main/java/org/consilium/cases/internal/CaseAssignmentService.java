package org.consilium.cases.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import org.consilium.audit.AuditEntry;
import org.consilium.audit.AuditLog;
import org.consilium.cases.Assignment;
import org.consilium.cases.AssignmentNotFoundException;
import org.consilium.cases.CaseActivity;
import org.consilium.cases.CaseAssignments;
import org.consilium.cases.CaseEvent;
import org.consilium.cases.CaseId;
import org.consilium.cases.CaseNotFoundException;
import org.consilium.cases.InvalidCaseException;
import org.consilium.identity.ConsiliumUser;
import org.consilium.identity.CurrentUser;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assignments in SQL, next to the case they move. Order matters when an assignment ends:
 * the case is changed and flushed first, because once the caller's assignment is closed,
 * row-level security no longer lets them see (or write) the case.
 */
@Service
@Transactional
class CaseAssignmentService implements CaseAssignments {

	private static final int MAX_REASON = 1_000;

	private final JdbcTemplate jdbc;

	private final MedicalCaseRepository cases;

	private final CaseTransitions transitions;

	private final EntityManager entityManager;

	private final AuditLog audit;

	private final org.springframework.context.ApplicationEventPublisher events;

	private final Clock clock;

	CaseAssignmentService(JdbcTemplate jdbc, MedicalCaseRepository cases, CaseTransitions transitions,
			EntityManager entityManager, AuditLog audit, org.springframework.context.ApplicationEventPublisher events,
			Clock clock) {
		this.jdbc = jdbc;
		this.cases = cases;
		this.transitions = transitions;
		this.entityManager = entityManager;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	@Override
	public Assignment assign(CaseId caseId, Assignment.Task task, UUID rereadId, Assignment.Assignee assignee,
			String reason) {
		String why = required(reason, "reason");
		MedicalCase medicalCase = this.cases.findById(caseId.value())
			.orElseThrow(() -> new CaseNotFoundException(caseId));
		if (!medicalCase.isOpen()) {
			throw new org.consilium.cases.CaseClosedException(caseId);
		}
		if (task == Assignment.Task.REVIEW) {
			this.transitions.apply(medicalCase, CaseEvent.ASSIGN, List.of());
			this.entityManager.flush();
		}
		Instant now = this.clock.instant();
		this.jdbc.update(
				"""
						update case_assignment set state = 'ENDED', ended_at = ?, end_reason = 'reassigned'
						where case_id = ? and task = ? and reread_id is not distinct from ? and state in ('ASSIGNED', 'ACCEPTED')
						""",
				Timestamp.from(now), caseId.value(), task.name(), rereadId);
		UUID id = UUID.randomUUID();
		String by = CurrentUser.find().map(ConsiliumUser::displayName).orElse("Consilium");
		this.jdbc.update("""
				insert into case_assignment (tenant_id, id, case_id, task, reread_id, specialist_id, actor_id,
				    actor_name, state, reason, assigned_by, assigned_at)
				values (current_setting('app.tenant_id'), ?, ?, ?, ?, ?, ?, ?, 'ASSIGNED', ?, ?, ?)
				""", id, caseId.value(), task.name(), rereadId, assignee.specialistId(), assignee.actorId(),
				assignee.actorName(), why, by, Timestamp.from(now));
		this.audit.record(AuditEntry.of("CASE_ASSIGNED")
			.subject("case", caseId)
			.details(task + " to " + assignee.actorId() + ": " + why));
		this.events.publishEvent(new CaseActivity(caseId, "assigned",
				Map.of("taskKey", "assignment.task." + task.name(), "name", assignee.actorName())));
		// Not read back: a limited caller (the specialist whose submission assigns the
		// approval) may create another actor's assignment but not see it.
		return new Assignment(id, caseId, task, rereadId, assignee.specialistId(), assignee.actorId(),
				assignee.actorName(), Assignment.State.ASSIGNED, why, by, now, null, null);
	}

	@Override
	public Assignment accept(CaseId caseId, UUID assignmentId) {
		Assignment assignment = ownOpen(caseId, assignmentId);
		if (assignment.state() != Assignment.State.ASSIGNED) {
			return assignment;
		}
		if (assignment.task() == Assignment.Task.REVIEW) {
			MedicalCase medicalCase = this.cases.findById(caseId.value())
				.orElseThrow(() -> new CaseNotFoundException(caseId));
			this.transitions.apply(medicalCase, CaseEvent.ACCEPT, List.of());
		}
		this.jdbc.update("update case_assignment set state = 'ACCEPTED' where id = ?", assignmentId);
		this.audit.record(
				AuditEntry.of("CASE_ASSIGNMENT_ACCEPTED").subject("case", caseId).details(assignment.task().name()));
		this.events.publishEvent(new CaseActivity(caseId, "accepted",
				Map.of("taskKey", "assignment.task." + assignment.task().name(), "name", assignment.actorName())));
		return find(assignmentId).orElseThrow();
	}

	@Override
	public void decline(CaseId caseId, UUID assignmentId, String reason) {
		String why = required(reason, "reason");
		Assignment assignment = ownOpen(caseId, assignmentId);
		if (assignment.task() == Assignment.Task.REVIEW) {
			MedicalCase medicalCase = this.cases.findById(caseId.value())
				.orElseThrow(() -> new CaseNotFoundException(caseId));
			this.transitions.apply(medicalCase, CaseEvent.DECLINE, List.of());
		}
		this.audit.record(AuditEntry.of("CASE_ASSIGNMENT_DECLINED")
			.subject("case", caseId)
			.details(assignment.task() + ": " + why));
		this.events.publishEvent(new CaseActivity(caseId, "declined",
				Map.of("taskKey", "assignment.task." + assignment.task().name(), "name", assignment.actorName())));
		end(assignmentId, "DECLINED", why);
	}

	@Override
	public void finish(CaseId caseId, UUID assignmentId) {
		Assignment assignment = find(assignmentId).filter(Assignment::isOpen)
			.filter((a) -> a.caseId().equals(caseId))
			.orElseThrow(() -> new AssignmentNotFoundException(assignmentId));
		this.audit
			.record(AuditEntry.of("CASE_ASSIGNMENT_DONE").subject("case", caseId).details(assignment.task().name()));
		end(assignmentId, "DONE", null);
	}

	@Override
	public void end(CaseId caseId, UUID assignmentId, String reason) {
		Optional<Assignment> open = find(assignmentId).filter(Assignment::isOpen)
			.filter((a) -> a.caseId().equals(caseId));
		if (open.isPresent()) {
			this.audit.record(AuditEntry.of("CASE_ASSIGNMENT_ENDED")
				.subject("case", caseId)
				.details(open.get().task() + ": " + reason));
			end(assignmentId, "ENDED", reason);
		}
	}

	@Override
	public void endAll(CaseId caseId, Assignment.Task task, String reason) {
		this.entityManager.flush();
		this.jdbc.update("""
				update case_assignment set state = 'ENDED', ended_at = ?, end_reason = ?
				where case_id = ? and task = ? and state in ('ASSIGNED', 'ACCEPTED')
				""", Timestamp.from(this.clock.instant()), reason, caseId.value(), task.name());
	}

	/**
	 * A cancelled case is nobody's work any more: every open assignment ends, and with it
	 * the assignee's access (in the cancelling transaction).
	 */
	@org.springframework.context.event.EventListener
	void cancelled(org.consilium.cases.CaseStatusChanged changed) {
		if (changed.to() != org.consilium.cases.CaseStatus.CANCELLED) {
			return;
		}
		this.entityManager.flush();
		int ended = this.jdbc.update("""
				update case_assignment set state = 'ENDED', ended_at = ?, end_reason = 'case cancelled'
				where case_id = ? and state in ('ASSIGNED', 'ACCEPTED')
				""", Timestamp.from(this.clock.instant()), changed.caseId().value());
		if (ended > 0) {
			this.audit.record(AuditEntry.of("ASSIGNMENTS_ENDED")
				.subject("case", changed.caseId())
				.details(ended + " open assignment(s): case cancelled"));
		}
	}

	@Override
	@Transactional(readOnly = true)
	public List<Assignment> ofCase(CaseId caseId) {
		return this.jdbc.query(
				"select * from case_assignment where case_id = ? order by assigned_at, (ended_at is null), ended_at, id",
				CaseAssignmentService::map, caseId.value());
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Assignment> openOfCurrentUser(CaseId caseId, Assignment.Task task) {
		String me = CurrentUser.require().id();
		return this.jdbc.query("""
				select * from case_assignment where case_id = ? and task = ? and actor_id = ?
				and state in ('ASSIGNED', 'ACCEPTED') order by assigned_at desc limit 1
				""", CaseAssignmentService::map, caseId.value(), task.name(), me).stream().findFirst();
	}

	@Override
	@Transactional(readOnly = true)
	public List<Assignment> openOfCurrentUser() {
		String me = CurrentUser.require().id();
		return this.jdbc.query("""
				select * from case_assignment where actor_id = ? and state in ('ASSIGNED', 'ACCEPTED')
				order by assigned_at, id
				""", CaseAssignmentService::map, me);
	}

	private Assignment ownOpen(CaseId caseId, UUID assignmentId) {
		String me = CurrentUser.require().id();
		return find(assignmentId).filter(Assignment::isOpen)
			.filter((a) -> a.caseId().equals(caseId) && a.actorId().equals(me))
			.orElseThrow(() -> new AssignmentNotFoundException(assignmentId));
	}

	/** Last: after this, a limited caller no longer sees the case. */
	private void end(UUID assignmentId, String state, String reason) {
		this.entityManager.flush();
		this.jdbc.update("update case_assignment set state = ?, ended_at = ?, end_reason = ? where id = ?", state,
				Timestamp.from(this.clock.instant()), reason, assignmentId);
	}

	private Optional<Assignment> find(UUID id) {
		return this.jdbc.query("select * from case_assignment where id = ?", CaseAssignmentService::map, id)
			.stream()
			.findFirst();
	}

	private static String required(String text, String field) {
		String value = (text != null) ? text.strip() : "";
		if (value.isEmpty()) {
			throw new InvalidCaseException(field, "case.error.reason-required");
		}
		if (value.length() > MAX_REASON) {
			throw new InvalidCaseException(field, "case.error.reason-length");
		}
		return value;
	}

	private static Assignment map(ResultSet row, int index) throws SQLException {
		Timestamp ended = row.getTimestamp("ended_at");
		return new Assignment(row.getObject("id", UUID.class), new CaseId(row.getObject("case_id", UUID.class)),
				Assignment.Task.valueOf(row.getString("task")), row.getObject("reread_id", UUID.class),
				row.getString("specialist_id"), row.getString("actor_id"), row.getString("actor_name"),
				Assignment.State.valueOf(row.getString("state")), row.getString("reason"), row.getString("assigned_by"),
				row.getTimestamp("assigned_at").toInstant(), (ended != null) ? ended.toInstant() : null,
				row.getString("end_reason"));
	}

}

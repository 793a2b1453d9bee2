package org.consilium.review.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.consilium.audit.AuditEntry;
import org.consilium.audit.AuditLog;
import org.consilium.cases.Assignment;
import org.consilium.cases.CaseAssignments;
import org.consilium.cases.CaseDetails;
import org.consilium.cases.CaseId;
import org.consilium.cases.Cases;
import org.consilium.cases.TurnaroundClock;
import org.consilium.physician.DoctorHistory;
import org.consilium.records.Records;
import org.consilium.review.CaseFile;
import org.consilium.review.CaseKey;
import org.consilium.review.SpecialistWork.ReviewNote;
import org.consilium.tenant.Tenants;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A case's file as its specialist reads it, gathered from the modules that hold its
 * parts, inside the case's tenant transaction; every read audited.
 */
@Component
class CaseFiles {

	private final Cases cases;

	private final CaseAssignments assignments;

	private final DoctorHistory doctors;

	private final Records records;

	private final TurnaroundClock turnaround;

	private final Tenants tenants;

	private final AuditLog audit;

	private final JdbcTemplate jdbc;

	CaseFiles(Cases cases, CaseAssignments assignments, DoctorHistory doctors, Records records,
			TurnaroundClock turnaround, Tenants tenants, AuditLog audit, JdbcTemplate jdbc) {
		this.cases = cases;
		this.assignments = assignments;
		this.doctors = doctors;
		this.records = records;
		this.turnaround = turnaround;
		this.tenants = tenants;
		this.audit = audit;
		this.jdbc = jdbc;
	}

	CaseFile read(CaseKey key, CaseId caseId) {
		CaseDetails details = this.cases.get(caseId);
		CaseFile file = new CaseFile(key, this.tenants.current().config().displayName(), details,
				this.turnaround.standing(details).orElse(null), this.doctors.forCase(caseId).orElse(null),
				this.records.list(caseId), mine(caseId));
		this.audit.record(AuditEntry.of("CASE_FILE_VIEWED").subject("case", caseId));
		return file;
	}

	/** The latest second read or approval of the case, whatever its outcome. */
	Optional<ReviewNote> lastReview(CaseId caseId) {
		return this.jdbc
			.query("select * from opinion_review where case_id = ? order by reviewed_at desc, version desc limit 1",
					CaseFiles::note, caseId.value())
			.stream()
			.findFirst();
	}

	private List<Assignment> mine(CaseId caseId) {
		return this.assignments.openOfCurrentUser().stream().filter((a) -> a.caseId().equals(caseId)).toList();
	}

	private static ReviewNote note(ResultSet row, int index) throws SQLException {
		return new ReviewNote(row.getInt("version"), row.getString("kind"), row.getString("outcome"),
				row.getString("comment"), row.getString("reviewer_name"), row.getTimestamp("reviewed_at").toInstant());
	}

}

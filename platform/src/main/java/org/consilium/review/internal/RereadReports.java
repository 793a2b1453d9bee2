package org.consilium.review.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;

import org.consilium.cases.CaseId;
import org.consilium.review.RereadReport;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The case's radiology and pathology re-reads, as approval and the opinion show them. */
@Component
class RereadReports {

	private final JdbcTemplate jdbc;

	RereadReports(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Every re-read of the case, oldest first. */
	List<RereadReport> of(CaseId caseId) {
		return this.jdbc.query("select * from reread where case_id = ? order by requested_at, id", RereadReports::map,
				caseId.value());
	}

	private static RereadReport map(ResultSet row, int index) throws SQLException {
		Timestamp reported = row.getTimestamp("reported_at");
		return new RereadReport(RereadReport.Kind.valueOf(row.getString("kind")),
				RereadReport.State.valueOf(row.getString("state")), row.getString("findings"),
				row.getString("impression"), row.getString("concordance"), row.getString("reported_by_name"),
				(reported != null) ? reported.toInstant() : null);
	}

}

package org.consilium.review.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.consilium.cases.CaseId;
import org.consilium.identity.ConsiliumUser;
import org.consilium.review.ApprovalFile.Review;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Second reads and approval decisions on opinion versions, kept with their comments. */
@Component
class OpinionReviews {

	private final JdbcTemplate jdbc;

	OpinionReviews(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void add(CaseId caseId, int version, Review.Kind kind, Review.Outcome outcome, String comment,
			ConsiliumUser reviewer, Instant now) {
		this.jdbc.update("""
				insert into opinion_review (tenant_id, id, case_id, version, kind, outcome, comment, reviewer_id,
				    reviewer_name, reviewed_at)
				values (current_setting('app.tenant_id'), ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""", UUID.randomUUID(), caseId.value(), version, kind.name(), outcome.name(), comment, reviewer.id(),
				reviewer.displayName(), Timestamp.from(now));
	}

	/** Every review of the case, oldest first. */
	List<Review> of(CaseId caseId) {
		return this.jdbc.query("select * from opinion_review where case_id = ? order by reviewed_at, id",
				OpinionReviews::map, caseId.value());
	}

	boolean has(CaseId caseId, int version, Review.Outcome outcome) {
		return of(caseId).stream().anyMatch((review) -> review.version() == version && review.outcome() == outcome);
	}

	private static Review map(ResultSet row, int index) throws SQLException {
		return new Review(row.getInt("version"), Review.Kind.valueOf(row.getString("kind")),
				Review.Outcome.valueOf(row.getString("outcome")), row.getString("comment"),
				row.getString("reviewer_name"), row.getTimestamp("reviewed_at").toInstant());
	}

}

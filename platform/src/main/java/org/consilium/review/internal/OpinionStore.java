package org.consilium.review.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.consilium.cases.CaseId;
import org.consilium.review.OpinionContent;
import org.consilium.review.OpinionVersion;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The versions of a case's opinion, in SQL, inside the caller's tenant transaction. The
 * newest version is the one being worked on; older ones are frozen.
 */
@Component
class OpinionStore {

	private final JdbcTemplate jdbc;

	private final ObjectMapper json;

	OpinionStore(JdbcTemplate jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	Optional<OpinionVersion> latest(CaseId caseId) {
		return this.jdbc
			.query("select * from opinion_version where case_id = ? order by version desc limit 1", this::map,
					caseId.value())
			.stream()
			.findFirst();
	}

	Optional<OpinionVersion> version(CaseId caseId, int version) {
		return this.jdbc
			.query("select * from opinion_version where case_id = ? and version = ?", this::map, caseId.value(),
					version)
			.stream()
			.findFirst();
	}

	/** Every version, oldest first. */
	List<OpinionVersion> all(CaseId caseId) {
		return this.jdbc.query("select * from opinion_version where case_id = ? order by version", this::map,
				caseId.value());
	}

	/** Saves the draft: the newest version if it is a draft, else a new version. */
	OpinionVersion saveDraft(CaseId caseId, OpinionContent content, String authorId, String authorName, Instant now) {
		Optional<OpinionVersion> latest = latest(caseId);
		if (latest.isPresent() && latest.get().state() == OpinionVersion.State.DRAFT) {
			this.jdbc.update(
					"update opinion_version set content = ?::jsonb, saved_at = ?, author_id = ?, author_name = ? where case_id = ? and version = ?",
					write(content), Timestamp.from(now), authorId, authorName, caseId.value(), latest.get().version());
			return version(caseId, latest.get().version()).orElseThrow();
		}
		int next = latest.map((v) -> v.version() + 1).orElse(1);
		this.jdbc.update(
				"""
						insert into opinion_version (tenant_id, case_id, version, state, author_id, author_name, content, saved_at)
						values (current_setting('app.tenant_id'), ?, ?, 'DRAFT', ?, ?, ?::jsonb, ?)
						""",
				caseId.value(), next, authorId, authorName, write(content), Timestamp.from(now));
		return version(caseId, next).orElseThrow();
	}

	/** Moves a version on; only from the expected state. @return whether it moved */
	boolean move(CaseId caseId, int version, OpinionVersion.State from, OpinionVersion.State to, Instant now) {
		String submitted = (to == OpinionVersion.State.SUBMITTED) ? ", submitted_at = ?" : "";
		Object[] args = (to == OpinionVersion.State.SUBMITTED)
				? new Object[] { to.name(), Timestamp.from(now), caseId.value(), version, from.name() }
				: new Object[] { to.name(), caseId.value(), version, from.name() };
		return this.jdbc.update(
				"update opinion_version set state = ?" + submitted + " where case_id = ? and version = ? and state = ?",
				args) == 1;
	}

	private String write(OpinionContent content) {
		try {
			return this.json.writeValueAsString(content);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private OpinionVersion map(ResultSet row, int index) throws SQLException {
		try {
			Timestamp submitted = row.getTimestamp("submitted_at");
			return new OpinionVersion(row.getInt("version"), OpinionVersion.State.valueOf(row.getString("state")),
					row.getString("author_name"), this.json.readValue(row.getString("content"), OpinionContent.class),
					row.getTimestamp("saved_at").toInstant(), (submitted != null) ? submitted.toInstant() : null);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Unreadable opinion version", ex);
		}
	}

}

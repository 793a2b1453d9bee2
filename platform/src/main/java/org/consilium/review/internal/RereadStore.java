package org.consilium.review.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.consilium.cases.CaseId;
import org.consilium.review.Reread;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The re-reads of a case, in SQL, inside the caller's tenant transaction. Every change
 * names the state it moves from, so two people acting at once cannot both win.
 */
@Component
class RereadStore {

	private final JdbcTemplate jdbc;

	RereadStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** A re-read's row as stored, without who holds it now. */
	record Row(UUID id, CaseId caseId, Reread.Kind kind, Reread.State state, String note, String requestedByName,
			Instant requestedAt, Reread.Report report) {
	}

	Row insert(CaseId caseId, Reread.Kind kind, String note, String requestedByName, Instant now) {
		UUID id = UUID.randomUUID();
		this.jdbc.update("""
				insert into reread (tenant_id, id, case_id, kind, state, note, requested_by_name, requested_at)
				values (current_setting('app.tenant_id'), ?, ?, ?, 'REQUESTED', ?, ?, ?)
				""", id, caseId.value(), kind.name(), note, requestedByName, Timestamp.from(now));
		return find(caseId, id).orElseThrow();
	}

	Optional<Row> find(CaseId caseId, UUID id) {
		return this.jdbc
			.query("select * from reread where case_id = ? and id = ?", RereadStore::map, caseId.value(), id)
			.stream()
			.findFirst();
	}

	/** Oldest first. */
	List<Row> ofCase(CaseId caseId) {
		return this.jdbc.query("select * from reread where case_id = ? order by requested_at, id", RereadStore::map,
				caseId.value());
	}

	List<Reread.Kind> pending(CaseId caseId) {
		return this.jdbc.queryForList("""
				select kind from reread where case_id = ? and state not in ('DONE', 'CANCELLED')
				order by requested_at, id
				""", String.class, caseId.value()).stream().map(Reread.Kind::valueOf).toList();
	}

	/** The kinds of re-read reported on the case (an add-on each in the price book). */
	java.util.Set<Reread.Kind> done(CaseId caseId) {
		return this.jdbc
			.queryForList("select kind from reread where case_id = ? and state = 'DONE'", String.class, caseId.value())
			.stream()
			.map(Reread.Kind::valueOf)
			.collect(java.util.stream.Collectors.toCollection(() -> java.util.EnumSet.noneOf(Reread.Kind.class)));
	}

	/**
	 * @return whether it moved (it was in one of the states {@code from})
	 */
	boolean move(CaseId caseId, UUID id, Reread.State to, Reread.State... from) {
		return this.jdbc.update("update reread set state = ? where case_id = ? and id = ? and state = any (?)",
				to.name(), caseId.value(), id, names(from)) == 1;
	}

	/**
	 * @return whether it was still assigned and is now done
	 */
	boolean done(CaseId caseId, UUID id, Reread.Report report) {
		return this.jdbc.update("""
				update reread set state = 'DONE', findings = ?, impression = ?, concordance = ?,
				    reported_by_name = ?, reported_at = ?
				where case_id = ? and id = ? and state = 'ASSIGNED'
				""", report.findings(), report.impression(), report.concordance().name(), report.reportedByName(),
				Timestamp.from(report.reportedAt()), caseId.value(), id) == 1;
	}

	private static String[] names(Reread.State... states) {
		String[] names = new String[states.length];
		for (int i = 0; i < states.length; i++) {
			names[i] = states[i].name();
		}
		return names;
	}

	private static Row map(ResultSet row, int index) throws SQLException {
		Timestamp reportedAt = row.getTimestamp("reported_at");
		Reread.Report report = (reportedAt != null) ? new Reread.Report(row.getString("findings"),
				row.getString("impression"), Reread.Concordance.valueOf(row.getString("concordance")),
				row.getString("reported_by_name"), reportedAt.toInstant()) : null;
		return new Row(row.getObject("id", UUID.class), new CaseId(row.getObject("case_id", UUID.class)),
				Reread.Kind.valueOf(row.getString("kind")), Reread.State.valueOf(row.getString("state")),
				row.getString("note"), row.getString("requested_by_name"), row.getTimestamp("requested_at").toInstant(),
				report);
	}

}

package org.consilium.review.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.consilium.cases.CaseId;
import org.consilium.review.PublishedOpinion.Audience;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Which version of a case's opinion was published, to whom, and who has opened it. */
@Component
class OpinionDeliveries {

	private final JdbcTemplate jdbc;

	OpinionDeliveries(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void publish(CaseId caseId, int version, Audience audience, Instant now) {
		Timestamp at = Timestamp.from(now);
		this.jdbc.update("""
				insert into opinion_delivery (tenant_id, case_id, version, audience, published_at, patient_told_at)
				values (current_setting('app.tenant_id'), ?, ?, ?, ?, ?)
				""", caseId.value(), version, audience.name(), at, audience.includesPatient() ? at : null);
	}

	Optional<Delivery> find(CaseId caseId) {
		return this.jdbc.query("select * from opinion_delivery where case_id = ?", (row, index) -> {
			Timestamp opened = row.getTimestamp("physician_first_opened_at");
			return new Delivery(row.getInt("version"), Audience.valueOf(row.getString("audience")),
					row.getTimestamp("published_at").toInstant(), (opened != null) ? opened.toInstant() : null);
		}, caseId.value()).stream().findFirst();
	}

	/**
	 * Records the doctor's first opening. Concurrent openings race on the row; exactly
	 * one of them updates it.
	 * @return whether this was the first
	 */
	boolean physicianOpened(CaseId caseId, Instant now) {
		Timestamp at = Timestamp.from(now);
		return this.jdbc.update(
				"""
						update opinion_delivery set physician_first_opened_at = ?, patient_told_at = coalesce(patient_told_at, ?)
						where case_id = ? and physician_first_opened_at is null
						""",
				at, at, caseId.value()) == 1;
	}

	void patientOpened(CaseId caseId, Instant now) {
		this.jdbc.update(
				"update opinion_delivery set patient_first_opened_at = ? where case_id = ? and patient_first_opened_at is null",
				Timestamp.from(now), caseId.value());
	}

	/**
	 * @param physicianFirstOpenedAt null until the doctor opened it
	 */
	record Delivery(int version, Audience audience, Instant publishedAt, Instant physicianFirstOpenedAt) {

		boolean readableByPatient() {
			return this.audience.includesPatient() || this.physicianFirstOpenedAt != null;
		}

	}

}

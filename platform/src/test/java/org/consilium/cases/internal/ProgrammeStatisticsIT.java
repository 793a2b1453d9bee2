package org.consilium.cases.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;

import org.consilium.cases.ProgrammeStatistics;
import org.consilium.cases.ProgrammeStatistics.Figures;
import org.consilium.cases.ProgrammeStatistics.MonthCount;
import org.consilium.cases.ProgrammeStatistics.StatusGroup;
import org.consilium.identity.ConsiliumUser;
import org.consilium.support.StripeIntegrationTest;
import org.consilium.support.TestDatabase;
import org.consilium.support.Users;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.TenantId;
import org.consilium.tenantconfig.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The programme's figures from its own cases only, with counts 1 to 4 suppressed. The
 * cases here are created and delivered in 2024, a year no other test writes to (the test
 * clock stands at the end of 2026), so the figures are exactly these rows; and in the
 * Stripe test context's own programmes ({@code quietco}, {@code refundco}), so the
 * shipped programmes' triage lanes and escalations never see them.
 */
@StripeIntegrationTest
class ProgrammeStatisticsIT {

	static final TenantId QUIET = TenantId.of("quietco");

	static final TenantId OTHER = TenantId.of("refundco");

	static final YearMonth JANUARY = YearMonth.of(2024, 1);

	static final YearMonth DECEMBER = YearMonth.of(2024, 12);

	@Autowired
	ProgrammeStatistics statistics;

	@Test
	void figures_count_the_programmes_own_cases_and_suppress_one_to_four() {
		Instant march = Instant.parse("2024-03-15T12:00:00Z");
		Instant may = Instant.parse("2024-05-15T12:00:00Z");
		insert("quietco", 6, "IN_REVIEW", Instant.parse("2024-02-10T12:00:00Z"), null, null);
		insert("quietco", 2, "SUBMITTED", Instant.parse("2024-02-10T12:00:00Z"), null, null);
		insert("quietco", 3, "AWAITING_RECORDS", Instant.parse("2024-06-10T12:00:00Z"), null, null);
		insert("quietco", 3, "CANCELLED", Instant.parse("2024-02-10T12:00:00Z"), null, null);
		insert("quietco", 2, "DRAFT", Instant.parse("2024-02-10T12:00:00Z"), null, null);
		insert("quietco", 5, "CLOSED", Instant.parse("2024-02-01T12:00:00Z"), march, LocalDate.of(2024, 3, 20));
		insert("quietco", 2, "CLOSED", Instant.parse("2024-02-01T12:00:00Z"), march, LocalDate.of(2024, 3, 10));
		insert("quietco", 2, "CLOSED", Instant.parse("2024-04-01T12:00:00Z"), may, LocalDate.of(2024, 5, 31));
		// Another programme's cases in the same months must change nothing above.
		insert("refundco", 8, "CLOSED", Instant.parse("2024-02-01T12:00:00Z"), march, LocalDate.of(2024, 3, 1));
		insert("refundco", 6, "CANCELLED", Instant.parse("2024-02-10T12:00:00Z"), null, null);
		insert("refundco", 4, "IN_REVIEW", Instant.parse("2024-02-10T12:00:00Z"), null, null);

		Figures figures = figures(QUIET, Role.TENANT_ADMIN);

		assertThat(figures.byStatus().get(StatusGroup.INTAKE).value()).as("2 submitted + 3 awaiting records")
			.hasValue(5);
		assertThat(figures.byStatus().get(StatusGroup.REVIEW).value()).as("refundco's 4 not added").hasValue(6);
		assertThat(figures.byStatus().get(StatusGroup.DELIVERED).value()).hasValue(0);
		assertThat(figures.byStatus().get(StatusGroup.CLOSED).value()).hasValue(9);
		assertThat(figures.byStatus().get(StatusGroup.CANCELLED).suppressed()).as("3, not refundco's 6 + 3").isTrue();
		assertThat(figures.deliveries()).hasSize(12);
		assertThat(figures.deliveries().get(2)).extracting(MonthCount::month).isEqualTo(YearMonth.of(2024, 3));
		assertThat(figures.deliveries().get(2).delivered().value()).as("refundco's 8 not added").hasValue(7);
		assertThat(figures.deliveries().get(4).delivered().suppressed()).isTrue();
		assertThat(figures.deliveries().get(0).delivered().value()).hasValue(0);
		assertThat(figures.turnaround().onTime().value()).hasValue(7);
		assertThat(figures.turnaround().late().suppressed()).isTrue();
		assertThat(figures.turnaround().percent()).isEmpty();

		Figures globex = figures(OTHER, Role.TENANT_ADMIN);
		assertThat(globex.deliveries().get(2).delivered().value()).hasValue(8);
		assertThat(globex.turnaround().late().value()).hasValue(8);
		assertThat(globex.turnaround().onTime().value()).hasValue(0);
		assertThat(globex.turnaround().percent()).hasValue(0);
		assertThat(globex.byStatus().get(StatusGroup.CANCELLED).value()).hasValue(6);
		assertThat(globex.byStatus().get(StatusGroup.REVIEW).suppressed()).isTrue();
	}

	@Test
	void only_a_tenant_admin_gets_the_figures() {
		assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> figures(QUIET, Role.PATIENT));
		assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> figures(QUIET, Role.CASE_COORDINATOR));
	}

	private Figures figures(TenantId tenant, Role role) {
		ConsiliumUser user = Users.user(tenant.value(), "statistics-" + role.name().toLowerCase(), role);
		return TenantContext.callAs(tenant, () -> Users.as(user, () -> this.statistics.figures(JANUARY, DECEMBER)));
	}

	private static void insert(String tenant, int count, String status, Instant created, Instant delivered,
			LocalDate due) {
		for (int i = 0; i < count; i++) {
			TestDatabase.get()
				.adminJdbc()
				.update("""
						insert into medical_case (tenant_id, id, reference, status, specialty, question, patient_id,
						    patient_name, created_at, updated_at, version, submitted_at, delivered_at, due_on)
						values (?, ?, ?, ?, 'oncology', 'q', 'statistics-patient', 'Statistics Patient', ?, ?, 0, ?, ?, ?)
						""",
						tenant, UUID.randomUUID(), org.consilium.cases.CaseReference.random().value(), status,
						Timestamp.from(created), Timestamp.from(created), Timestamp.from(created),
						(delivered != null) ? Timestamp.from(delivered) : null,
						(due != null) ? Date.valueOf(due) : null);
		}
	}

}

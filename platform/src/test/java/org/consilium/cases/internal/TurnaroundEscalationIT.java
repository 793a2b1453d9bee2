package org.consilium.cases.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.consilium.cases.CaseDetails;
import org.consilium.cases.CaseRequest;
import org.consilium.cases.Cases;
import org.consilium.cases.ConsentSignature;
import org.consilium.identity.ConsiliumUser;
import org.consilium.identity.Demographics;
import org.consilium.identity.PatientProfiles;
import org.consilium.support.IntegrationTest;
import org.consilium.support.MutableClock;
import org.consilium.support.TestDatabase;
import org.consilium.support.Users;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.TenantId;
import org.consilium.tenantconfig.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daily job brings a case to its programme's coordinators once when it becomes at
 * risk and once more when it is overdue — to that programme's coordinators only.
 */
@IntegrationTest
class TurnaroundEscalationIT {

	static final TenantId PUBLIC = TenantId.of("public");

	static final ConsiliumUser PATIENT = Users.user("public", "escalation-patient", Role.PATIENT);

	@Autowired
	Cases cases;

	@Autowired
	PatientProfiles profiles;

	@Autowired
	TurnaroundEscalation escalation;

	@Autowired
	MutableClock clock;

	final JdbcTemplate admin = TestDatabase.get().adminJdbc();

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void coordinators_hear_of_a_case_once_at_risk_and_once_overdue() {
		this.clock.set(Instant.parse("2027-02-01T15:00:00Z")); // Monday; due Monday
																// 2027-02-15
		CaseDetails submitted = TenantContext.callAs(PUBLIC, () -> Users.as(PATIENT, () -> {
			this.profiles
				.saveOwn(new Demographics("Escalation Patient", LocalDate.of(1960, 3, 3), Demographics.Sex.FEMALE,
						"5 Main Street", "Springfield", "MA", "01101", "US", "+1 617 555 0104", "en", null));
			CaseDetails draft = this.cases.openDraft("cardiology", "Is the stent still open?");
			this.cases.saveDraft(draft.id(), new CaseRequest("cardiology", List.of("Is the stent still open?"),
					Map.of(), "Angina again.", null, null, null, null, null));
			return this.cases.submit(draft.id(),
					List.of(new ConsentSignature("telemedicine", "Escalation Patient", null),
							new ConsentSignature("records-release", "Escalation Patient", null)));
		}));
		String link = "cases/" + submitted.reference().value();

		this.escalation.escalateAll();
		assertThat(messages(link)).as("on track: nobody is told").isEmpty();

		this.clock.set(Instant.parse("2027-02-11T15:00:00Z")); // 8th business day
		this.escalation.escalateAll();
		this.escalation.escalateAll();
		// Every active coordinator of the programme is told (other tests add
		// coordinators):
		// the demo coordinator among them, each exactly once.
		assertThat(messages(link)).as("at risk, told once")
			.contains("public:coordinator@public.example")
			.doesNotHaveDuplicates()
			.allMatch((recipient) -> recipient.startsWith("public:"));
		int coordinators = messages(link).size();

		this.clock.set(Instant.parse("2027-02-16T15:00:00Z"));
		this.escalation.escalateAll();
		this.escalation.escalateAll();
		assertThat(messages(link)).as("overdue, told once more")
			.hasSize(2 * coordinators)
			.filteredOn("public:coordinator@public.example"::equals)
			.hasSize(2);
		assertThat(this.admin.queryForObject("select escalated_standing from medical_case where id = ?", String.class,
				submitted.id().value()))
			.isEqualTo("OVERDUE");
	}

	/** Escalation messages linking to the case, as tenant:recipient, in any tenant. */
	private List<String> messages(String link) {
		return this.admin.queryForList("""
				select tenant_id || ':' || recipient_email from notification_outbox
				where kind = 'TURNAROUND_ESCALATION' and link like ? order by created_at
				""", String.class, "%/" + link);
	}

}

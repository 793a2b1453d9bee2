package org.consilium.review.internal;

import org.consilium.cases.Assignment;
import org.consilium.cases.CaseBillingSettled;
import org.consilium.cases.CaseDetails;
import org.consilium.cases.CaseNotFoundException;
import org.consilium.cases.CaseStatus;
import org.consilium.cases.IllegalCaseTransitionException;
import org.consilium.identity.ConsiliumUser;
import org.consilium.review.Approvals;
import org.consilium.review.CaseKey;
import org.consilium.review.OpinionNotAvailableException;
import org.consilium.review.PublishedOpinions;
import org.consilium.review.SpecialistWork;
import org.consilium.review.Triage;
import org.consilium.specialists.Ranking;
import org.consilium.support.IntegrationTest;
import org.consilium.support.TestMail;
import org.consilium.support.Users;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.TenantId;
import org.consilium.tenantconfig.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The whole life of a case after intake on each demo programme's variant, through the
 * services every actor uses: triage assigns from the suggestions; the specialist accepts,
 * writes and submits; the second reader concurs where the programme has one (acme); the
 * approver approves, which publishes; delivery follows the variant (doctor first on
 * public and globex: the patient reads after the doctor opened it, and is told once;
 * doctor and patient together on acme); billing's event closes the case. Steps out of
 * order are refused with the reason.
 */
@IntegrationTest
class CaseLifeIT {

	@Autowired
	ApplicationContext context;

	@Autowired
	Triage triage;

	@Autowired
	SpecialistWork work;

	@Autowired
	Approvals approvals;

	@Autowired
	PublishedOpinions opinions;

	ReviewFixture fixture;

	@BeforeEach
	void fixture() {
		this.fixture = new ReviewFixture(this.context);
	}

	@AfterEach
	void retire() {
		this.fixture.retireSpecialists();
	}

	@ParameterizedTest
	@ValueSource(strings = { "public", "acme", "globex" })
	void a_case_goes_from_triage_to_closed_on_the_programmes_variant(String slug) {
		TenantId tenant = TenantId.of(slug);
		String pool = switch (slug) {
			case "acme" -> "acme-panel";
			default -> "general";
		};
		ReviewFixture.Specialist author = this.fixture.specialist("Dr. Life " + slug, "cardiology", pool);
		CaseDetails details = this.fixture.readyCase(tenant, "cardiology", true);
		CaseKey key = ReviewFixture.key(tenant, details);

		// Triage: the new specialist is among the ranked suggestions, with reasons.
		Triage.TriageCase opened = Users.as(ReviewFixture.TRIAGE, () -> this.triage.open(key));
		assertThat(opened.suggestions()).extracting(Ranking.Suggestion::specialistId).contains(author.id());
		Users.as(ReviewFixture.TRIAGE, () -> {
			this.triage.assign(key, author.id(), "Cardiology, in the programme's pool");
			return null;
		});

		// The specialist accepts, writes (autosaved draft) and submits.
		ConsiliumUser specialist = author.user();
		assertThat(Users.as(specialist, () -> this.work.worklist())).extracting((item) -> item.key()).contains(key);
		Users.as(specialist, () -> this.work.accept(key, Assignment.Task.REVIEW));
		Users.as(specialist,
				() -> this.work.saveDraft(key, ReviewFixture.content("Well-controlled atrial fibrillation.")));
		Users.as(specialist, () -> this.work.submitOpinion(key));
		assertThat(this.fixture.status(details.id())).isEqualTo(CaseStatus.OPINION_SUBMITTED);

		// Second reader where the programme asks for one; then the approver.
		boolean secondReader = "acme".equals(slug);
		assertThat(this.fixture.holder(details.id(), Assignment.Task.SECOND_READ)).as("second reader")
			.matches((holder) -> holder.isPresent() == secondReader);
		this.fixture.holder(details.id(), Assignment.Task.SECOND_READ).ifPresent((reader) -> {
			assertThat(reader.id()).isNotEqualTo(specialist.id());
			assertThatThrownBy(() -> Users.as(this.fixture.demoUser(TenantId.PLATFORM, Role.APPROVER), () -> {
				this.approvals.approve(key, null);
				return null;
			})).isInstanceOfAny(IllegalCaseTransitionException.class,
					org.consilium.cases.AssignmentNotFoundException.class, CaseNotFoundException.class);
			Users.as(reader, () -> {
				this.approvals.concur(key, "Agreed with the assessment.");
				return null;
			});
		});
		ConsiliumUser approver = this.fixture.holder(details.id(), Assignment.Task.APPROVAL).orElseThrow();
		Users.as(approver, () -> {
			this.approvals.approve(key, "Clear and complete.");
			return null;
		});
		assertThat(this.fixture.status(details.id())).isEqualTo(CaseStatus.PUBLISHED);
		assertThatThrownBy(() -> Users.as(specialist, () -> this.work.caseFile(key)))
			.as("the specialist's access ended with publication")
			.isInstanceOf(CaseNotFoundException.class);

		// Delivery per variant.
		ConsiliumUser patient = this.fixture.demoUser(tenant, Role.PATIENT);
		ConsiliumUser doctor = this.fixture.demoUser(tenant, Role.REFERRING_PHYSICIAN);
		if (secondReader) {
			assertThat(inTenant(tenant, patient, () -> this.opinions.open(details.reference()))).isNotNull();
			TestMail.get().awaitSubject(patient.username(), "Your second opinion from");
		}
		else {
			assertThatThrownBy(() -> inTenant(tenant, patient, () -> this.opinions.open(details.reference())))
				.isInstanceOf(OpinionNotAvailableException.class);
		}
		assertThat(inTenant(tenant, doctor, () -> this.opinions.open(details.reference()))).isNotNull();
		if (!secondReader) {
			assertThat(this.fixture.status(details.id())).isEqualTo(CaseStatus.VIEWED_BY_PHYSICIAN);
			// in the patient's language (globex's demo patient reads Spanish)
			TestMail.get()
				.awaitSubject(patient.username(), "globex".equals(slug) ? "Su médico tiene su segunda opinión"
						: "Your doctor has your second opinion");
			assertThat(inTenant(tenant, patient, () -> this.opinions.open(details.reference()))).isNotNull();
		}

		// Closing waits for billing, then happens once.
		assertThat(this.fixture.status(details.id())).isNotEqualTo(CaseStatus.CLOSED);
		this.fixture.in(tenant, ReviewFixture.TRIAGE, () -> {
			this.context.publishEvent(new CaseBillingSettled(tenant, details.id()));
			return null;
		});
		assertThat(this.fixture.status(details.id())).isEqualTo(CaseStatus.CLOSED);

		// Out of order now: refused with the reason, nothing changed.
		assertThatThrownBy(() -> Users.as(ReviewFixture.TRIAGE, () -> {
			this.triage.hold(key, "More records");
			return null;
		})).isInstanceOf(IllegalCaseTransitionException.class).hasMessageContaining("cannot HOLD when it is CLOSED");
		assertThat(this.fixture.status(details.id())).isEqualTo(CaseStatus.CLOSED);
	}

	private <T> T inTenant(TenantId tenant, ConsiliumUser user, java.util.function.Supplier<T> work) {
		return TenantContext.callAs(tenant, () -> Users.as(user, work));
	}

}

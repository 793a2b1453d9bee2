package org.consilium.review.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import org.consilium.cases.Assignment;
import org.consilium.cases.CaseDetails;
import org.consilium.cases.CaseStatus;
import org.consilium.identity.ConsiliumUser;
import org.consilium.review.internal.ReviewFixture.Specialist;
import org.consilium.support.IntegrationTest;
import org.consilium.support.KaribuSite;
import org.consilium.tenant.TenantId;
import org.consilium.tenantconfig.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The approval page on the operator site (the file, the refusal while a re-read is open,
 * the comment's error next to it, the return) and the opinion page on the programme's
 * site (not yet for the patient of a doctor-first programme; the doctor's reading with
 * its PDF link; then the patient's).
 */
@IntegrationTest
class ReviewPagesIT {

	static final TenantId PUBLIC = TenantId.of("public");

	@Autowired
	ApplicationContext context;

	ReviewFixture fixture;

	@BeforeEach
	void fixture() {
		this.fixture = new ReviewFixture(this.context);
	}

	@AfterEach
	void retire() {
		this.fixture.retireSpecialists();
	}

	@Test
	void the_approver_reads_the_file_is_told_what_holds_approval_and_returns_with_a_comment() {
		Specialist author = this.fixture.specialist("Dr. Page Author", "cardiology", "general");
		CaseDetails submitted = this.fixture.submitted(PUBLIC, "cardiology", true, author);
		ConsiliumUser approver = this.fixture.holder(submitted.id(), Assignment.Task.APPROVAL).orElseThrow();
		this.fixture.admin.update("""
				insert into reread (tenant_id, id, case_id, kind, state, note, requested_by_name, requested_at)
				values ('public', ?, ?, 'PATHOLOGY', 'ASSIGNED', 'Re-read the biopsy', 'Triage', ?)
				""", UUID.randomUUID(), submitted.id().value(), Timestamp.from(Instant.now()));
		String reference = submitted.reference().value();

		try (KaribuSite site = KaribuSite.open(this.context, null, Locale.ENGLISH)
			.signIn(approver)
			.navigate("approval/public/" + reference)) {
			assertThat(_get(H1.class, (spec) -> spec.withId("approval-heading")).getText())
				.isEqualTo("Opinion review: " + reference);
			assertThat(text("submitted-opinion")).contains("Opinion to review (version 1)", "Dr. Page Author",
					"Atrial fibrillation, well controlled.", "Suggests changing the current diagnosis",
					"Ask about a sleep study.");
			assertThat(text("pending")).contains("The pathology re-read is not done.");
			assertThat(text("rereads")).contains("Pathology re-read", "Assigned");

			_click(_get(Button.class, (spec) -> spec.withId("approve")));
			assertThat(_get(Paragraph.class, (spec) -> spec.withId("decision-refused")).getText())
				.isEqualTo("It cannot be approved yet. The pathology re-read is not done.");
			assertThat(this.fixture.status(submitted.id())).isEqualTo(CaseStatus.OPINION_SUBMITTED);

			TextArea comment = _get(TextArea.class, (spec) -> spec.withId("review-comment"));
			_click(_get(Button.class, (spec) -> spec.withId("return")));
			assertThat(comment.isInvalid()).isTrue();
			assertThat(comment.getErrorMessage()).isEqualTo("Write a comment for the specialist.");

			_setValue(comment, "Say what the biopsy re-read changes.");
			_click(_get(Button.class, (spec) -> spec.withId("return")));
			expectNotifications("The opinion is returned to the specialist.");
		}
		assertThat(this.fixture.status(submitted.id())).isEqualTo(CaseStatus.RETURNED);
	}

	@Test
	void the_patient_waits_for_the_doctor_who_reads_the_opinion_with_its_pdf() {
		Specialist author = this.fixture.specialist("Dr. Reader Page Author", "cardiology", "general");
		CaseDetails published = this.fixture.published(PUBLIC, "cardiology", true, author);
		String reference = published.reference().value();
		ConsiliumUser patient = this.fixture.demoUser(PUBLIC, Role.PATIENT);

		try (KaribuSite site = KaribuSite.open(this.context, PUBLIC, Locale.ENGLISH)
			.signIn(patient)
			.navigate("cases/" + reference + "/opinion")) {
			assertThat(text("opinion-not-yet")).contains("The opinion is not available to you yet");
			assertThat(_find(Div.class, (spec) -> spec.withId("opinion"))).isEmpty();
		}
		try (KaribuSite site = KaribuSite.open(this.context, PUBLIC, Locale.ENGLISH)
			.signIn(this.fixture.demoUser(PUBLIC, Role.REFERRING_PHYSICIAN))
			.navigate("cases/" + reference + "/opinion")) {
			assertThat(_get(H1.class, (spec) -> spec.withId("opinion-heading")).getText())
				.isEqualTo("Second opinion: " + reference);
			assertThat(text("opinion-facts")).contains("Specialist: Dr. Reader Page Author", "Approved on");
			assertThat(text("opinion")).contains("Case summary", "Atrial fibrillation, well controlled.",
					"Answers to the questions", "What should I ask next?");
			assertThat(_get(Anchor.class, (spec) -> spec.withId("opinion-pdf")).getHref())
				.isEqualTo("cases/" + reference + "/opinion.pdf?lang=en");
		}
		assertThat(this.fixture.status(published.id())).isEqualTo(CaseStatus.VIEWED_BY_PHYSICIAN);
		try (KaribuSite site = KaribuSite.open(this.context, PUBLIC, Locale.ENGLISH)
			.signIn(patient)
			.navigate("cases/" + reference)) {
			assertThat(_get(Anchor.class, (spec) -> spec.withId("opinion-link")).getHref())
				.isEqualTo("cases/" + reference + "/opinion");
			site.navigate("cases/" + reference + "/opinion");
			assertThat(text("opinion")).contains("Atrial fibrillation, well controlled.");
		}
	}

	private static String text(String id) {
		return _get(Div.class, (spec) -> spec.withId(id)).getElement().getTextRecursively();
	}

}

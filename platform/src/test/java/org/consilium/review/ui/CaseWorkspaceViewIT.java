package org.consilium.review.ui;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import org.consilium.cases.Assignment;
import org.consilium.cases.CaseAssignments;
import org.consilium.cases.CaseStatus;
import org.consilium.cases.Cases;
import org.consilium.identity.ConsiliumUser;
import org.consilium.review.CaseKey;
import org.consilium.review.OpinionContent;
import org.consilium.review.OpinionVersion;
import org.consilium.review.ReviewFixtures;
import org.consilium.review.SpecialistWork;
import org.consilium.support.IntegrationTest;
import org.consilium.support.KaribuSite;
import org.consilium.support.Users;
import org.consilium.tenant.TenantId;
import org.consilium.tenantconfig.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The specialist's pages on the operator site: from the worklist to the case, accepting
 * it, writing with autosave, a submission refused with the missing sections marked, then
 * completed and submitted, after which the opinion is read-only. Declining asks for a
 * reason; a case assigned to someone else is "not found".
 */
@IntegrationTest
class CaseWorkspaceViewIT {

	static final TenantId ACME = TenantId.of("acme");

	@Autowired
	ApplicationContext context;

	@Autowired
	Cases cases;

	@Autowired
	CaseAssignments assignments;

	@Autowired
	SpecialistWork work;

	ConsiliumUser specialist;

	CaseKey key;

	@BeforeEach
	void aCaseAssignedToTheSpecialist() {
		this.specialist = Users.operator("ws-" + UUID.randomUUID().toString().substring(0, 8), Role.SPECIALIST);
		this.key = ReviewFixtures.readyCase(this.cases, ACME, "Is the valve repair needed?", LocalDate.of(2030, 5, 6));
		ReviewFixtures.doctorAsks(this.key, "Would you operate now or wait?");
		ReviewFixtures.assignReview(this.assignments, this.key, this.specialist);
	}

	@Test
	void the_specialist_accepts_writes_with_autosave_and_submits_once_every_section_is_there() {
		try (KaribuSite site = KaribuSite.open(this.context, null, Locale.ENGLISH)
			.signIn(this.specialist)
			.navigate("work")) {
			Grid<?> worklist = _get(Grid.class, (spec) -> spec.withId("worklist"));
			assertThat(GridKt._size(worklist)).isOne();
			Anchor link = (Anchor) GridKt._getCellComponent(worklist, 0, "case");
			assertThat(link.getHref()).isEqualTo("work/" + this.key.path());
			site.navigate(link.getHref());

			assertThat(_get(H1.class, (spec) -> spec.withId("case-reference")).getText())
				.isEqualTo("Case " + this.key.reference().value());
			assertThat(_get(Div.class, (spec) -> spec.withId("case-doctor")).getElement().getTextRecursively())
				.contains("Two syncopal episodes since March", "Would you operate now or wait?");
			assertThat(_find(Div.class, (spec) -> spec.withId("opinion-editor"))).isEmpty();
			_click(_get(Button.class, (spec) -> spec.withId("accept")));

			_setValue(area("opinion-summary"), "68-year-old with severe aortic stenosis.");
			assertThat(_get(Span.class, (spec) -> spec.withId("opinion-saved")).getText()).startsWith("Saved at ");
			_setValue(area("opinion-answer-0"), "Yes, within three months.");
			_click(_get(Button.class, (spec) -> spec.withId("submit-opinion")));
			@SuppressWarnings("unchecked")
			RadioButtonGroup<OpinionContent.Assessment> assessment = _get(RadioButtonGroup.class,
					(spec) -> spec.withId("opinion-assessment"));
			assertThat(assessment.isInvalid()).isTrue();
			assertThat(assessment.getErrorMessage()).isEqualTo("Choose your assessment of the diagnosis.");
			assertThat(area("opinion-answer-1").getErrorMessage()).isEqualTo("Answer this question.");
			assertThat(area("opinion-answer-0").isInvalid()).isFalse();
			assertThat(ReviewFixtures.status(this.key)).isEqualTo(CaseStatus.IN_REVIEW);

			_setValue(assessment, OpinionContent.Assessment.AGREE);
			_setValue(area("opinion-reasoning"), "Echo and symptoms are concordant.");
			_setValue(area("opinion-answer-1"), "Now: symptoms with severe stenosis.");
			_setValue(area("opinion-recommendations"), "Refer for valve replacement.");
			_click(_get(Button.class, (spec) -> spec.withId("submit-opinion")));

			assertThat(_get(Paragraph.class, (spec) -> spec.withId("opinion-with-approver")).getText())
				.contains("with the approver");
			assertThat(area("opinion-summary").isReadOnly()).isTrue();
			assertThat(_find(Button.class, (spec) -> spec.withId("submit-opinion"))).isEmpty();
			assertThat(_get(Details.class, (spec) -> spec.withId("opinion-history")).getSummaryText())
				.isEqualTo("Versions of the opinion (1)");
		}
		assertThat(ReviewFixtures.status(this.key)).isEqualTo(CaseStatus.OPINION_SUBMITTED);
	}

	@Test
	void a_returned_opinion_shows_the_comments_and_opens_again_for_writing() {
		Users.as(this.specialist, () -> {
			this.work.accept(this.key, Assignment.Task.REVIEW);
			this.work.saveDraft(this.key,
					new OpinionContent("First summary", OpinionContent.Assessment.AGREE, "Because",
							List.of(new OpinionContent.Answer("Is the valve repair needed?", "Yes"),
									new OpinionContent.Answer("Would you operate now or wait?", "Now")),
							"Refer", "", "", ""));
			return this.work.submitOpinion(this.key);
		});
		ReviewFixtures.returnToSpecialist(this.key, "Please cite the current guideline.");
		try (KaribuSite site = KaribuSite.open(this.context, null, Locale.ENGLISH)
			.signIn(this.specialist)
			.navigate("work/" + this.key.path())) {
			assertThat(_get(Paragraph.class, (spec) -> spec.withId("returned-comment")).getText())
				.isEqualTo("Please cite the current guideline.");
			assertThat(area("opinion-summary").getValue()).isEqualTo("First summary");
			assertThat(area("opinion-summary").isReadOnly()).isFalse();
			_setValue(area("opinion-references"), "2020 ACC/AHA valve guideline.");
			_click(_get(Button.class, (spec) -> spec.withId("submit-opinion")));
			assertThat(_get(Paragraph.class, (spec) -> spec.withId("opinion-with-approver"))).isNotNull();
		}
		assertThat(ReviewFixtures.status(this.key)).isEqualTo(CaseStatus.OPINION_SUBMITTED);
		assertThat(Users.as(this.specialist, () -> this.work.versions(this.key))).extracting(OpinionVersion::state)
			.containsExactly(OpinionVersion.State.RETURNED, OpinionVersion.State.SUBMITTED);
	}

	@Test
	void declining_asks_for_a_reason_then_returns_to_the_worklist() {
		try (KaribuSite site = KaribuSite.open(this.context, null, Locale.ENGLISH)
			.signIn(this.specialist)
			.navigate("work/" + this.key.path())) {
			_click(_get(Button.class, (spec) -> spec.withId("decline")));
			_click(_get(Button.class, (spec) -> spec.withId("confirm-decline")));
			TextArea reason = area("decline-reason");
			assertThat(reason.isInvalid()).isTrue();
			assertThat(reason.getErrorMessage()).isEqualTo("Give a reason.");
			assertThat(ReviewFixtures.status(this.key)).isEqualTo(CaseStatus.ASSIGNED);

			_setValue(reason, "Outside my sub-specialty");
			_click(_get(Button.class, (spec) -> spec.withId("confirm-decline")));
			assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEqualTo("work");
			assertThat(_get(Paragraph.class, (spec) -> spec.withId("worklist-empty"))).isNotNull();
		}
		assertThat(ReviewFixtures.status(this.key)).isEqualTo(CaseStatus.READY_FOR_TRIAGE);
	}

	@Test
	void a_case_assigned_to_someone_else_is_not_found() {
		ConsiliumUser other = Users.operator("ws-other-" + UUID.randomUUID().toString().substring(0, 8),
				Role.SPECIALIST);
		try (KaribuSite site = KaribuSite.open(this.context, null, Locale.ENGLISH)
			.signIn(other)
			.navigate("work/" + this.key.path())) {
			assertThat(_find(Div.class, (spec) -> spec.withId("not-found"))).hasSize(1);
			assertThat(_find(H1.class, (spec) -> spec.withId("case-reference"))).isEmpty();
		}
		try (KaribuSite site = KaribuSite.open(this.context, null, Locale.ENGLISH)
			.signIn(this.specialist)
			.navigate("work/globex/" + this.key.reference().value())) {
			assertThat(_find(Div.class, (spec) -> spec.withId("not-found"))).hasSize(1);
		}
	}

	private static TextArea area(String id) {
		return _get(TextArea.class, (spec) -> spec.withId(id));
	}

}

package org.consilium.review.ui;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import org.consilium.review.CaseKey;
import org.consilium.review.Reread;
import org.consilium.review.RereadFixtures;
import org.consilium.review.Rereads;
import org.consilium.specialists.Ranking;
import org.consilium.support.IntegrationTest;
import org.consilium.support.KaribuSite;
import org.consilium.support.Users;
import org.junit.jupiter.api.AfterEach;
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
 * The reader's page on the operator site (accept, a report missing a field, the report)
 * and the re-reads panel as triage uses it (request, assign from ranked suggestions with
 * their reasons), hosted on its own.
 */
@IntegrationTest
class RereadViewIT {

	@Autowired
	ApplicationContext context;

	@Autowired
	Rereads rereads;

	RereadFixtures fixtures;

	CaseKey key;

	@BeforeEach
	void aCaseAndTwoReaders() {
		this.fixtures = new RereadFixtures("rv", this.context);
		this.fixtures.addReaders();
		this.key = this.fixtures.caseReadyForTriage();
	}

	@AfterEach
	void removeReaders() {
		this.fixtures.removeReaders();
	}

	@Test
	void the_radiologist_accepts_fixes_the_missing_impression_and_submits_the_report() {
		Reread reread = assigned();
		String id = reread.id().toString();
		try (KaribuSite site = KaribuSite.open(this.context, null, Locale.ENGLISH)
			.signIn(this.fixtures.radiologist)
			.navigate("reread/" + this.key.path())) {
			assertThat(_get(H1.class, (spec) -> spec.withId("reread-heading")).getText())
				.isEqualTo("Re-read of case " + this.key.reference().value());
			assertThat(
					_get(Paragraph.class, (spec) -> spec.withId("reread-note-" + id)).getElement().getTextRecursively())
				.isEqualTo("What is asked: Second look at the CT chest.");
			assertThat(_get(Paragraph.class, (spec) -> spec.withClasses("record-dicom")).getText())
				.startsWith("Study: CT, ")
				.endsWith("CT chest");
			assertThat(_find(TextArea.class, (spec) -> spec.withId("findings-" + id))).isEmpty();

			_click(_get(Button.class, (spec) -> spec.withId("accept-" + id)));
			NotificationsKt.expectNotifications("You accepted the re-read.");

			_setValue(_get(TextArea.class, (spec) -> spec.withId("findings-" + id)),
					"No mass in the right upper lobe.");
			@SuppressWarnings("unchecked")
			RadioButtonGroup<Reread.Concordance> concordance = _get(RadioButtonGroup.class,
					(spec) -> spec.withId("concordance-" + id));
			concordance.setValue(Reread.Concordance.AGREES);
			_click(_get(Button.class, (spec) -> spec.withId("submit-report-" + id)));
			TextArea impression = _get(TextArea.class, (spec) -> spec.withId("impression-" + id));
			assertThat(impression.isInvalid()).isTrue();
			assertThat(impression.getErrorMessage()).isEqualTo("Give your impression.");
			assertThat(concordance.isInvalid()).isFalse();
			assertThat(state()).isEqualTo(Reread.State.ASSIGNED);

			_setValue(impression, "Normal CT chest.");
			_click(_get(Button.class, (spec) -> spec.withId("submit-report-" + id)));
			NotificationsKt
				.expectNotifications("Your report is submitted. Thank you; the case is no longer open to you.");
		}
		assertThat(state()).isEqualTo(Reread.State.DONE);
	}

	@Test
	void declining_asks_for_a_reason_and_sends_the_reread_back_to_triage() {
		Reread reread = assigned();
		try (KaribuSite site = KaribuSite.open(this.context, null, Locale.ENGLISH)
			.signIn(this.fixtures.radiologist)
			.navigate("reread/" + this.key.path())) {
			_click(_get(Button.class, (spec) -> spec.withId("decline-" + reread.id())));
			_click(_get(Button.class, (spec) -> spec.withId("confirm-reason")));
			assertThat(_get(TextArea.class, (spec) -> spec.withId("reason")).getErrorMessage())
				.isEqualTo("Give a reason.");
			_setValue(_get(TextArea.class, (spec) -> spec.withId("reason")), "On leave next week");
			_click(_get(Button.class, (spec) -> spec.withId("confirm-reason")));
			NotificationsKt.expectNotifications("You declined the re-read; triage will find another reader.");
		}
		assertThat(state()).isEqualTo(Reread.State.REQUESTED);
	}

	@Test
	void a_specialist_without_a_reread_of_the_case_finds_nothing() {
		assigned();
		try (KaribuSite site = KaribuSite.open(this.context, null, Locale.ENGLISH)
			.signIn(this.fixtures.pathologist)
			.navigate("reread/" + this.key.path())) {
			assertThat(_find(Div.class, (spec) -> spec.withId("not-found"))).hasSize(1);
			assertThat(_find(H1.class, (spec) -> spec.withId("reread-heading"))).isEmpty();
		}
	}

	@Test
	void triage_requests_a_reread_and_assigns_it_from_suggestions_that_show_their_reasons() {
		try (KaribuSite site = KaribuSite.open(this.context, null, Locale.ENGLISH).signIn(this.fixtures.triage)) {
			UI.getCurrent().add(new RereadsPanel(this.rereads, this.key, true, ZoneOffset.UTC));
			assertThat(_get(Paragraph.class, (spec) -> spec.withId("no-rereads")).getText()).isEqualTo("No re-reads.");

			_click(_get(Button.class, (spec) -> spec.withId("request-reread")));
			_click(_get(Button.class, (spec) -> spec.withId("send-reread")));
			assertThat(_get(TextArea.class, (spec) -> spec.withId("reread-note")).getErrorMessage())
				.isEqualTo("Say what the reader should look at.");
			assertThat(_get(RadioButtonGroup.class, (spec) -> spec.withId("reread-kind")).getErrorMessage())
				.isEqualTo("Choose radiology or pathology.");
			@SuppressWarnings("unchecked")
			RadioButtonGroup<Reread.Kind> kind = _get(RadioButtonGroup.class, (spec) -> spec.withId("reread-kind"));
			kind.setValue(Reread.Kind.RADIOLOGY);
			_setValue(_get(TextArea.class, (spec) -> spec.withId("reread-note")), "Second look at the CT chest.");
			_click(_get(Button.class, (spec) -> spec.withId("send-reread")));
			NotificationsKt.expectNotifications("The re-read is requested.");
			Reread reread = Users.as(this.fixtures.triage, () -> this.rereads.ofCase(this.key)).get(0);

			_click(_get(Button.class, (spec) -> spec.withId("assign-" + reread.id())));
			@SuppressWarnings("unchecked")
			Grid<Ranking.Suggestion> suggestions = _get(Grid.class, (spec) -> spec.withId("reread-suggestions"));
			List<Ranking.Suggestion> items = GridKt._findAll(suggestions);
			int row = items.stream()
				.map(Ranking.Suggestion::specialistId)
				.toList()
				.indexOf(this.fixtures.radiologistId);
			assertThat(row).isNotNegative();
			assertThat(GridKt._getFormatted(suggestions, row, "name")).isEqualTo("Ruth Radley");
			assertThat(GridKt._getFormatted(suggestions, row, "reasons")).contains("In the programme’s pools (+40)")
				.contains("Spare capacity (+");

			_click(_get(Button.class, (spec) -> spec.withId("confirm-assign")));
			assertThat(_get(TextArea.class, (spec) -> spec.withId("assign-reason")).getErrorMessage())
				.isEqualTo("Give a reason.");
			assertThat(_get(Span.class, (spec) -> spec.withId("suggestion-error")).getText())
				.isEqualTo("Choose one of the suggested readers.");
			suggestions.select(items.get(row));
			_setValue(_get(TextArea.class, (spec) -> spec.withId("assign-reason")), "Chest CT reader");
			_click(_get(Button.class, (spec) -> spec.withId("confirm-assign")));
			NotificationsKt.expectNotifications("The re-read is assigned to Ruth Radley.");
			assertThat(_get(ListItem.class, (spec) -> spec.withId("reread-item-" + reread.id())).getElement()
				.getTextRecursively()).contains("Reader: Ruth Radley");
		}
		assertThat(state()).isEqualTo(Reread.State.ASSIGNED);
	}

	@Test
	void the_panel_offers_no_assigning_to_a_specialist() {
		Reread reread = assigned();
		this.fixtures.reviewAccepted(this.key);
		try (KaribuSite site = KaribuSite.open(this.context, null, Locale.ENGLISH).signIn(this.fixtures.reviewer)) {
			UI.getCurrent().add(new RereadsPanel(this.rereads, this.key, false, ZoneOffset.UTC));
			assertThat(_get(ListItem.class, (spec) -> spec.withId("reread-item-" + reread.id()))).isNotNull();
			assertThat(_find(Button.class, (spec) -> spec.withId("assign-" + reread.id()))).isEmpty();
			assertThat(_find(Button.class, (spec) -> spec.withId("request-reread"))).hasSize(1);
		}
	}

	private Reread assigned() {
		Reread reread = Users.as(this.fixtures.triage,
				() -> this.rereads.request(this.key, Reread.Kind.RADIOLOGY, "Second look at the CT chest."));
		return Users.as(this.fixtures.triage,
				() -> this.rereads.assign(this.key, reread.id(), this.fixtures.radiologistId, "Chest CT reader"));
	}

	private Reread.State state() {
		return Users.as(this.fixtures.triage, () -> this.rereads.ofCase(this.key)).get(0).state();
	}

}

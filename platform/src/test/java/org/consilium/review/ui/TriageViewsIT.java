package org.consilium.review.ui;

import java.util.Locale;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.textfield.TextArea;
import org.consilium.cases.CaseDetails;
import org.consilium.cases.CaseStatus;
import org.consilium.cases.Cases;
import org.consilium.identity.ConsiliumUser;
import org.consilium.identity.DemoAccounts;
import org.consilium.review.Triage;
import org.consilium.support.IntegrationTest;
import org.consilium.support.KaribuSite;
import org.consilium.support.TestDatabase;
import org.consilium.support.Users;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.TenantId;
import org.consilium.tenantconfig.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Triage pages on the operator site: the queue shows the programme's case; the case page
 * shows ranked specialists with their reasons; assigning without a reason shows the
 * message next to the field, with one moves the case to the specialist.
 */
@IntegrationTest
class TriageViewsIT {

	static final TenantId GLOBEX = TenantId.of("globex");

	static final ConsiliumUser TRIAGE = Users.operator("triage-views", Role.TRIAGE);

	@Autowired
	ApplicationContext context;

	@Autowired
	Cases cases;

	@Autowired
	DemoAccounts demo;

	@Autowired
	Triage triage;

	@Test
	void triage_assigns_a_ready_case_from_the_queue_with_a_reason() {
		CaseDetails ready = readyCase();
		String path = "triage/globex/" + ready.reference().value();
		try (KaribuSite site = KaribuSite.open(this.context, null, Locale.ENGLISH).signIn(TRIAGE).navigate("triage")) {
			Grid<Triage.QueueItem> queue = _get(Grid.class, (spec) -> spec.withId("triage-queue"));
			assertThat(queue.getGenericDataView().getItems())
				.anyMatch((item) -> item.key().reference().equals(ready.reference())
						&& item.programme().equals("Globex Second Opinion"));
		}
		try (KaribuSite site = KaribuSite.open(this.context, null, Locale.ENGLISH).signIn(TRIAGE).navigate(path)) {
			Div suggestions = _get(Div.class, (spec) -> spec.withId("triage-suggestions"));
			assertThat(_find(suggestions, ListItem.class)).extracting(ListItem::getText)
				.anyMatch((text) -> text.startsWith("Spare capacity"));
			_click(_get(Button.class, (spec) -> spec.withId("assign-sp-sarah-cohen")));
			_click(_get(Button.class, (spec) -> spec.withId("reason-confirm")));
			TextArea reason = _get(TextArea.class, (spec) -> spec.withId("reason-text"));
			assertThat(reason.isInvalid()).isTrue();
			assertThat(reason.getErrorMessage()).isEqualTo("Please give a reason.");
			_setValue(reason, "General cardiology, fits the question");
			_click(_get(Button.class, (spec) -> spec.withId("reason-confirm")));
		}
		assertThat(Users.as(TRIAGE,
				() -> this.triage.open(new org.consilium.review.CaseKey(GLOBEX, ready.reference())).details().status()))
			.isEqualTo(CaseStatus.ASSIGNED);
	}

	@Test
	void the_triage_pages_are_for_triage_staff_on_the_operator_site_only() {
		CaseDetails ready = readyCase();
		try (KaribuSite site = KaribuSite.open(this.context, null, Locale.ENGLISH)
			.signIn(Users.operator("triage-views-specialist", Role.SPECIALIST))
			.navigate("triage/globex/" + ready.reference().value())) {
			assertThat(_find(Div.class, (spec) -> spec.withId("triage-suggestions"))).isEmpty();
		}
		try (KaribuSite site = KaribuSite.open(this.context, GLOBEX, Locale.ENGLISH)
			.signIn(Users.user("globex", "triage-views-coordinator", Role.CASE_COORDINATOR))
			.navigate("triage")) {
			assertThat(_find(Div.class, (spec) -> spec.withId("not-found"))).hasSize(1);
		}
		try (KaribuSite site = KaribuSite.open(this.context, null, Locale.ENGLISH)
			.signIn(TRIAGE)
			.navigate("triage/nosuchtenant/" + ready.reference().value())) {
			assertThat(_find(Div.class, (spec) -> spec.withId("not-found"))).hasSize(1);
		}
	}

	private CaseDetails readyCase() {
		ConsiliumUser patient = this.demo.usersOf(GLOBEX)
			.stream()
			.filter((user) -> user.has(Role.PATIENT))
			.findFirst()
			.orElseThrow();
		CaseDetails draft = TenantContext.callAs(GLOBEX, () -> Users.as(patient,
				() -> this.cases.openDraft("cardiology", "View question " + System.nanoTime())));
		TestDatabase.get()
			.adminJdbc()
			.update("update medical_case set status = 'READY_FOR_TRIAGE', submitted_at = now(), due_on = current_date + 9 "
					+ "where id = ?", draft.id().value());
		return draft;
	}

}

package org.consilium.cases.ui;

import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextArea;
import jakarta.mail.internet.MimeMessage;
import org.consilium.cases.CaseStatus;
import org.consilium.cases.CaseSummary;
import org.consilium.cases.Cases;
import org.consilium.cases.TimelineEntry;
import org.consilium.identity.ConsiliumUser;
import org.consilium.identity.DemoAccounts;
import org.consilium.notify.Notifications;
import org.consilium.support.IntegrationTest;
import org.consilium.support.KaribuSite;
import org.consilium.support.TestMail;
import org.consilium.support.Users;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.TenantId;
import org.consilium.tenantconfig.NotificationKind;
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
 * A coordinator posts a status update on the demo patient's case: it is refused empty
 * (message next to the field); posted, it is on the patient's timeline, the patient gets
 * an e-mail (without the text) and an in-app notice. Patients have no such form.
 */
@IntegrationTest
class StatusUpdateIT {

	static final TenantId PUBLIC = TenantId.of("public");

	static final ConsiliumUser COORDINATOR = Users.user("public", "update-coordinator", Role.CASE_COORDINATOR);

	@Autowired
	ApplicationContext context;

	@Autowired
	Cases cases;

	@Autowired
	DemoAccounts demo;

	@Autowired
	Notifications notifications;

	@Test
	void a_coordinators_update_reaches_the_patient_by_timeline_e_mail_and_notice() {
		ConsiliumUser patient = this.demo.usersOf(PUBLIC)
			.stream()
			.filter((user) -> user.has(Role.PATIENT))
			.findFirst()
			.orElseThrow();
		CaseSummary demoCase = TenantContext.callAs(PUBLIC, () -> Users.as(COORDINATOR, () -> this.cases.list()))
			.stream()
			.filter((c) -> c.patientName().equals("Pat Morgan") && c.status() != CaseStatus.DRAFT
					&& c.status().isOpen())
			.findFirst()
			.orElseThrow();
		String update = "We are waiting for the MRI images from your hospital " + System.nanoTime();
		long unreadBefore = TenantContext.callAs(PUBLIC, () -> this.notifications.unread(patient.id()));

		try (KaribuSite site = KaribuSite.open(this.context, PUBLIC, Locale.ENGLISH)
			.signIn(COORDINATOR)
			.navigate("cases/" + demoCase.reference().value())) {
			TextArea text = _get(TextArea.class, (spec) -> spec.withId("status-update"));
			_click(_get(Button.class, (spec) -> spec.withId("post-update")));
			assertThat(text.isInvalid()).isTrue();
			assertThat(text.getErrorMessage()).isEqualTo("Write the update.");
			_setValue(text, update);
			_click(_get(Button.class, (spec) -> spec.withId("post-update")));
			assertThat(text.isInvalid()).isFalse();
		}

		List<TimelineEntry> timeline = TenantContext.callAs(PUBLIC,
				() -> Users.as(patient, () -> this.cases.timeline(demoCase.id())));
		assertThat(timeline).filteredOn((entry) -> entry.what().equals("status-update"))
			.extracting((entry) -> entry.args().get("text"))
			.contains(update);
		MimeMessage mail = TestMail.get().awaitSubject(patient.username(), "News about your case");
		assertThat(TestMail.content(mail)).doesNotContain("MRI").contains("/cases/" + demoCase.reference().value());
		assertThat(TenantContext.callAs(PUBLIC, () -> this.notifications.unread(patient.id())))
			.isEqualTo(unreadBefore + 1);
		// (Other notices of the same instant — the clock is fixed — may list before it.)
		assertThat(TenantContext.callAs(PUBLIC, () -> this.notifications.inbox(patient.id(), 20)))
			.anySatisfy((notice) -> assertThat(notice.kind()).isEqualTo(NotificationKind.CASE_STATUS_UPDATE));

		try (KaribuSite site = KaribuSite.open(this.context, PUBLIC, Locale.ENGLISH)
			.signIn(patient)
			.navigate("cases/" + demoCase.reference().value())) {
			assertThat(_find(Div.class, (spec) -> spec.withId("status-update-card"))).isEmpty();
			assertThat(_get(TimelineList.class, (spec) -> spec.withId("timeline")).getElement().getTextRecursively())
				.contains("Update from our team: " + update);
		}
	}

}

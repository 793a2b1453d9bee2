package org.consilium.cases.ui;

import java.util.Locale;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import org.consilium.cases.CaseDetails;
import org.consilium.cases.CaseSummary;
import org.consilium.cases.Cases;
import org.consilium.identity.ConsiliumUser;
import org.consilium.support.IntegrationTest;
import org.consilium.support.KaribuSite;
import org.consilium.support.Users;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.TenantId;
import org.consilium.tenantconfig.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static com.github.mvysny.kaributesting.v10.GridKt._findAll;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The case views by URL: a case of another tenant (or of another patient) is "not found",
 * exactly like a case that does not exist; the owner opens it.
 */
@IntegrationTest
class CaseViewsIT {

	static final ConsiliumUser ACME_PATIENT = Users.user("acme", "view-patient", Role.PATIENT);

	static final ConsiliumUser PUBLIC_COORDINATOR = Users.user("public", "view-coordinator", Role.CASE_COORDINATOR);

	@Autowired
	ApplicationContext context;

	@Autowired
	Cases cases;

	CaseDetails acmeCase;

	@BeforeEach
	void openAnAcmeCase() {
		this.acmeCase = TenantContext.callAs(TenantId.of("acme"),
				() -> Users.as(ACME_PATIENT, () -> this.cases.openDraft("orthopedics", "Should I have surgery?")));
	}

	@Test
	void the_owner_opens_the_case_by_its_reference() {
		try (KaribuSite site = KaribuSite.open(this.context, TenantId.of("acme"), Locale.ENGLISH)
			.signIn(ACME_PATIENT)
			.navigate("cases/" + this.acmeCase.reference().value())) {
			assertThat(_get(H1.class, (spec) -> spec.withId("case-reference")).getText())
				.isEqualTo("Case " + this.acmeCase.reference().value());
			assertThat(
					_get(com.vaadin.flow.component.html.OrderedList.class, (spec) -> spec.withId("summary-questions"))
						.getElement()
						.getTextRecursively())
				.isEqualTo("Should I have surgery?");
		}
	}

	@Test
	void a_case_of_another_tenant_is_not_found_by_url() {
		try (KaribuSite site = KaribuSite.open(this.context, TenantId.of("public"), Locale.ENGLISH)
			.signIn(PUBLIC_COORDINATOR)
			.navigate("cases/" + this.acmeCase.reference().value())) {
			assertThat(_find(Div.class, (spec) -> spec.withId("not-found"))).hasSize(1);
			assertThat(
					_find(com.vaadin.flow.component.html.OrderedList.class, (spec) -> spec.withId("summary-questions")))
				.isEmpty();
		}
	}

	@Test
	void a_case_of_another_patient_in_the_same_tenant_is_not_found_by_url() {
		ConsiliumUser otherPatient = Users.user("acme", "view-other-patient", Role.PATIENT);
		try (KaribuSite site = KaribuSite.open(this.context, TenantId.of("acme"), Locale.ENGLISH)
			.signIn(otherPatient)
			.navigate("cases/" + this.acmeCase.reference().value())) {
			assertThat(_find(Div.class, (spec) -> spec.withId("not-found"))).hasSize(1);
		}
	}

	@Test
	void a_malformed_reference_is_not_found_rather_than_an_error() {
		try (KaribuSite site = KaribuSite.open(this.context, TenantId.of("acme"), Locale.ENGLISH)
			.signIn(ACME_PATIENT)
			.navigate("cases/%27%20or%201=1--")) {
			assertThat(_find(Div.class, (spec) -> spec.withId("not-found"))).hasSize(1);
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void the_case_list_shows_the_patients_own_cases_only() {
		try (KaribuSite site = KaribuSite.open(this.context, TenantId.of("acme"), Locale.ENGLISH)
			.signIn(ACME_PATIENT)
			.navigate("cases")) {
			Grid<CaseSummary> grid = _get(Grid.class, (spec) -> spec.withId("cases"));
			assertThat(_findAll(grid)).isNotEmpty()
				.allMatch((summary) -> summary.patientName().equals(ACME_PATIENT.displayName()))
				.anyMatch((summary) -> summary.id().equals(this.acmeCase.id()));
		}
	}

	@Test
	void the_case_list_needs_a_sign_in() {
		try (KaribuSite site = KaribuSite.open(this.context, TenantId.of("acme"), Locale.ENGLISH).navigate("cases")) {
			assertThat(_find(Grid.class)).isEmpty();
			assertThat(_find(com.vaadin.flow.component.login.LoginForm.class)).hasSize(1);
		}
	}

}

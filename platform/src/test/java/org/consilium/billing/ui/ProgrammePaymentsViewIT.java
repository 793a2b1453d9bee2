package org.consilium.billing.ui;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import org.consilium.billing.ProgrammePayments.CaseBillSummary;
import org.consilium.cases.CaseDetails;
import org.consilium.cases.Cases;
import org.consilium.identity.ConsiliumUser;
import org.consilium.physician.internal.DoctorFixtures;
import org.consilium.support.IntegrationTest;
import org.consilium.support.KaribuSite;
import org.consilium.support.TestDatabase;
import org.consilium.support.Users;
import org.consilium.tenant.TenantId;
import org.consilium.tenant.Tenants;
import org.consilium.tenantconfig.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tenant admin's payments page: on a programme that has billed nothing yet it says so
 * in words rather than showing empty tables; a bill shows its state, total and charges;
 * patients and the operator site do not get the page.
 */
@IntegrationTest
class ProgrammePaymentsViewIT {

	static final TenantId PUBLIC = TenantId.of("public");

	@Autowired
	ApplicationContext context;

	@Autowired
	Cases cases;

	@Autowired
	Tenants tenants;

	@Test
	@SuppressWarnings("unchecked")
	void a_bill_is_listed_with_its_state_total_and_charges() {
		ConsiliumUser patient = Users.user("public", "payments-listed", Role.PATIENT);
		CaseDetails submitted = DoctorFixtures.submittedCase(this.cases, this.tenants, "public", patient);
		Timestamp at = Timestamp.from(Instant.parse("2026-03-20T15:00:00Z"));
		var admin = TestDatabase.get().adminJdbc();
		admin.update("""
				insert into billing_item (tenant_id, case_id, state, payer, amount, currency, created_at)
				values ('public', ?, 'PAYMENT_ACTION_NEEDED', 'PATIENT', 750.00, 'USD', ?)
				""", submitted.id().value(), at);
		admin.update("""
				insert into billing_charge (tenant_id, case_id, kind, state, amount, currency, stripe_id,
				    failure_code, created_at, updated_at)
				values ('public', ?, 'CASE_PRICE', 'ACTION_NEEDED', 750.00, 'USD', 'pi_test_listed',
				    'authentication_required', ?, ?)
				""", submitted.id().value(), at, at);
		try (KaribuSite site = KaribuSite.open(this.context, PUBLIC, Locale.ENGLISH)
			.signIn(Users.user("public", "payments-admin", Role.TENANT_ADMIN))
			.navigate("admin/payments")) {
			assertThat(_get(Paragraph.class, (spec) -> spec.withId("payments-provider")).getText())
				.startsWith("Online payment is not configured for this site (no Stripe key)");
			Grid<CaseBillSummary> bills = _get(Grid.class, (spec) -> spec.withId("payments-bills"));
			assertThat(bills.isVisible()).isTrue();
			assertThat(_find(Paragraph.class, (spec) -> spec.withId("payments-bills-empty"))).isEmpty();
			List<CaseBillSummary> rows = bills.getGenericDataView().getItems().toList();
			int row = rows.stream().map((bill) -> bill.reference()).toList().indexOf(submitted.reference());
			assertThat(row).isNotNegative();
			assertThat(_getFormattedRow(bills, row)).containsExactly(submitted.reference().value(), "Mar 20, 2026",
					"Patient action needed", "$750.00", "Case price $750.00, patient action needed");
			assertThat(_get(Paragraph.class, (spec) -> spec.withId("payments-invoices-empty")).getText())
				.isEqualTo("This programme does not invoice an employer: patients pay by card.");
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void a_patient_cannot_open_the_payments_page_nor_does_the_operator_site_have_one() {
		try (KaribuSite site = KaribuSite.open(this.context, PUBLIC, Locale.ENGLISH)
			.signIn(Users.user("public", "payments-patient", Role.PATIENT))
			.navigate("login")
			.navigate("admin/payments")) {
			assertThat(_find(Div.class, (spec) -> spec.withId("not-found"))).hasSize(1);
			assertThat(_find(Paragraph.class, (spec) -> spec.withId("payments-provider"))).isEmpty();
			assertThat(_find(Grid.class, (spec) -> spec.withId("payments-bills"))).isEmpty();
			assertThat(_find(Anchor.class, (spec) -> spec.withText("My cases"))).as("the patient's navigation")
				.hasSize(1);
			assertThat(_find(Anchor.class, (spec) -> spec.withText("Payments"))).as("no navigation entry").isEmpty();
		}
		try (KaribuSite site = KaribuSite.open(this.context, null, Locale.ENGLISH)
			.signIn(Users.operator("payments-operator", Role.PLATFORM_ADMIN))
			.navigate("admin/payments")) {
			assertThat(_find(Div.class, (spec) -> spec.withId("not-found"))).hasSize(1);
			assertThat(_find(Grid.class, (spec) -> spec.withId("payments-bills"))).isEmpty();
		}
	}

}

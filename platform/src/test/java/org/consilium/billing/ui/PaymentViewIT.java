package org.consilium.billing.ui;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.QueryParameters;
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

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The patient's payment page, with no Stripe key (the test context's): it says online
 * payment is not set up and offers no card form; another patient finds nothing there; an
 * employer-paid programme's patient reads that there is nothing to pay; coming back from
 * Stripe never claims a payment that was not made.
 */
@IntegrationTest
class PaymentViewIT {

	static final TenantId PUBLIC = TenantId.of("public");

	static final TenantId ACME = TenantId.of("acme");

	@Autowired
	ApplicationContext context;

	@Autowired
	Cases cases;

	@Autowired
	Tenants tenants;

	@Test
	void a_public_patient_is_told_online_payment_is_not_set_up_and_is_offered_no_card_form() {
		ConsiliumUser patient = Users.user("public", "pay-unconfigured", Role.PATIENT);
		CaseDetails submitted = DoctorFixtures.submittedCase(this.cases, this.tenants, "public", patient);
		try (KaribuSite site = KaribuSite.open(this.context, PUBLIC, Locale.ENGLISH)
			.signIn(patient)
			.navigate(page(submitted))) {
			assertThat(_get(H1.class, (spec) -> spec.withId("payment-heading")).getText())
				.isEqualTo("Payment for case " + submitted.reference().value());
			assertThat(text("payment-not-configured")).startsWith("Online payment is not set up for this site yet.")
				.contains("Nothing will be charged to a card now");
			Paragraph status = _get(Paragraph.class, (spec) -> spec.withId("payment-status"));
			assertThat(status.getElement().getAttribute("data-state")).isEqualTo("NOT_YET_DUE");
			assertThat(status.getText()).startsWith("Nothing is due yet");
			assertThat(_get(Div.class, (spec) -> spec.withId("payment-terms")).getElement().getTextRecursively())
				.contains("charges $750.00", "processing fee of $25.00");
			assertThat(_find(Button.class, (spec) -> spec.withId("save-card"))).isEmpty();
			assertThat(_find(Button.class, (spec) -> spec.withId("pay-now"))).isEmpty();
			assertThat(text("receipts-empty")).isEqualTo("No payment has been taken for this case.");
			assertThat(_find(Button.class, (spec) -> spec.withId("print-receipt"))).isEmpty();
			assertThat(_get(Anchor.class, (spec) -> spec.withId("payment-back")).getHref())
				.isEqualTo("cases/" + submitted.reference().value());
		}
	}

	@Test
	void the_page_speaks_the_patients_language() {
		ConsiliumUser patient = Users.user("public", "pay-spanish", Role.PATIENT);
		CaseDetails submitted = DoctorFixtures.submittedCase(this.cases, this.tenants, "public", patient);
		try (KaribuSite site = KaribuSite.open(this.context, PUBLIC, Locale.forLanguageTag("es"))
			.signIn(patient)
			.navigate(page(submitted))) {
			assertThat(text("payment-not-configured"))
				.startsWith("El pago en línea todavía no está configurado en este sitio.");
			assertThat(_get(Div.class, (spec) -> spec.withId("payment-terms")).getElement().getTextRecursively())
				.contains("750,00");
		}
	}

	@Test
	void another_patient_opening_the_payment_page_finds_nothing() {
		ConsiliumUser owner = Users.user("public", "pay-owner", Role.PATIENT);
		CaseDetails submitted = DoctorFixtures.submittedCase(this.cases, this.tenants, "public", owner);
		try (KaribuSite site = KaribuSite.open(this.context, PUBLIC, Locale.ENGLISH)
			.signIn(Users.user("public", "pay-stranger", Role.PATIENT))
			.navigate(page(submitted))) {
			assertThat(_find(Div.class, (spec) -> spec.withId("not-found"))).hasSize(1);
			assertThat(_find(H1.class, (spec) -> spec.withId("payment-heading"))).isEmpty();
		}
		try (KaribuSite site = KaribuSite.open(this.context, ACME, Locale.ENGLISH)
			.signIn(Users.user("acme", "pay-owner", Role.PATIENT))
			.navigate(page(submitted))) {
			assertThat(_find(Div.class, (spec) -> spec.withId("not-found"))).as("the same case, another programme")
				.hasSize(1);
		}
		try (KaribuSite site = KaribuSite.open(this.context, PUBLIC, Locale.ENGLISH)
			.signIn(owner)
			.navigate("cases/not-a-reference/payment")) {
			assertThat(_find(Div.class, (spec) -> spec.withId("not-found"))).hasSize(1);
		}
	}

	@Test
	void an_employer_paid_patient_reads_that_the_employer_pays_and_has_nothing_to_do() {
		ConsiliumUser patient = Users.user("acme", "pay-employee", Role.PATIENT);
		CaseDetails submitted = DoctorFixtures.submittedCase(this.cases, this.tenants, "acme", patient);
		try (KaribuSite site = KaribuSite.open(this.context, ACME, Locale.ENGLISH)
			.signIn(patient)
			.navigate(page(submitted))) {
			assertThat(text("payment-status"))
				.isEqualTo("Your employer pays for this second opinion. There is nothing for you to pay or do here.");
			assertThat(_find(Paragraph.class, (spec) -> spec.withId("payment-not-configured"))).isEmpty();
			assertThat(_find(Button.class, (spec) -> spec.withId("save-card"))).isEmpty();
			assertThat(_find(Div.class, (spec) -> spec.withId("receipts"))).isEmpty();
		}
	}

	@Test
	void coming_back_from_stripe_never_claims_a_payment_that_was_not_recorded() {
		ConsiliumUser patient = Users.user("public", "pay-returning", Role.PATIENT);
		CaseDetails submitted = DoctorFixtures.submittedCase(this.cases, this.tenants, "public", patient);
		try (KaribuSite site = KaribuSite.open(this.context, PUBLIC, Locale.ENGLISH).signIn(patient)) {
			UI.getCurrent().navigate(page(submitted), QueryParameters.of("checkout", "cancelled"));
			assertThat(text("payment-returned")).isEqualTo("You left the payment page; nothing was charged.");

			UI.getCurrent().navigate(page(submitted), QueryParameters.of("checkout", "cs_test_unknown"));
			assertThat(text("payment-returned")).startsWith("Thank you. Stripe is still processing it");
			assertThat(_get(Paragraph.class, (spec) -> spec.withId("payment-status")).getElement()
				.getAttribute("data-state")).isEqualTo("NOT_YET_DUE");
			assertThat(text("receipts-empty")).isEqualTo("No payment has been taken for this case.");

			UI.getCurrent().navigate(page(submitted), QueryParameters.of("checkout", "something-else"));
			assertThat(_find(Paragraph.class, (spec) -> spec.withId("payment-returned"))).isEmpty();
		}
	}

	/**
	 * Charges as Stripe's outcomes leave them (written straight to the database, as no
	 * Stripe answers in this context): a paid processing fee and a declined case price.
	 */
	@Test
	void a_declined_charge_is_explained_with_a_pay_button_and_a_paid_one_has_a_receipt() {
		ConsiliumUser patient = Users.user("public", "pay-declined", Role.PATIENT);
		CaseDetails submitted = DoctorFixtures.submittedCase(this.cases, this.tenants, "public", patient);
		var admin = TestDatabase.get().adminJdbc();
		Timestamp paidAt = Timestamp.from(Instant.parse("2026-03-02T15:00:00Z"));
		Timestamp declinedAt = Timestamp.from(Instant.parse("2026-03-20T15:00:00Z"));
		admin.update("""
				insert into billing_item (tenant_id, case_id, state, payer, amount, currency, created_at)
				values ('public', ?, 'PAYMENT_ACTION_NEEDED', 'PATIENT', 750.00, 'USD', ?)
				""", submitted.id().value(), declinedAt);
		admin.update("""
				insert into billing_charge (tenant_id, case_id, kind, state, amount, currency, stripe_id,
				    created_at, updated_at, succeeded_at)
				values ('public', ?, 'PROCESSING_FEE', 'SUCCEEDED', 25.00, 'USD', 'pi_test_fee', ?, ?, ?)
				""", submitted.id().value(), paidAt, paidAt, paidAt);
		admin.update("""
				insert into billing_charge (tenant_id, case_id, kind, state, amount, currency, stripe_id,
				    failure_code, failure_message, created_at, updated_at)
				values ('public', ?, 'CASE_PRICE', 'ACTION_NEEDED', 750.00, 'USD', 'pi_test_price',
				    'card_declined', 'Your card was declined.', ?, ?)
				""", submitted.id().value(), declinedAt, declinedAt);
		try (KaribuSite site = KaribuSite.open(this.context, PUBLIC, Locale.ENGLISH)
			.signIn(patient)
			.navigate(page(submitted))) {
			assertThat(text("payment-status")).isEqualTo("Your payment needs your attention.");
			String notice = _get(Div.class, (spec) -> spec.withId("payment-action-needed")).getElement()
				.getTextRecursively();
			assertThat(notice).contains("Your bank declined the payment.", "Amount due: $750.00 (Second opinion).");
			assertThat(text("payment-terms")).contains("Processing fee: $25.00 (paid)",
					"Second opinion: $750.00 (needs your action)");

			_click(_get(Button.class, (spec) -> spec.withId("pay-now")));
			assertThat(text("pay-now-error")).as("the refusal next to the button, not a stack trace")
				.isEqualTo("Online payment is not set up for this site. Nothing was charged.");
			assertThat(_get(Button.class, (spec) -> spec.withId("pay-now")).isEnabled()).isTrue();

			NativeTable receipts = _get(NativeTable.class, (spec) -> spec.withId("receipts-table"));
			assertThat(receipts.getBody().getRowCount()).as("the paid line only").isEqualTo(1);
			assertThat(receipts.getBody().getElement().getTextRecursively()).contains("Processing fee", "$25.00",
					"Mar 2, 2026", "pi_test_fee");
			assertThat(_find(Button.class, (spec) -> spec.withId("print-receipt"))).hasSize(1);
		}
	}

	@Test
	void the_case_page_links_to_payment_only_where_the_patient_pays() {
		ConsiliumUser publicPatient = Users.user("public", "pay-link", Role.PATIENT);
		CaseDetails publicCase = DoctorFixtures.submittedCase(this.cases, this.tenants, "public", publicPatient);
		try (KaribuSite site = KaribuSite.open(this.context, PUBLIC, Locale.ENGLISH)
			.signIn(publicPatient)
			.navigate("cases/" + publicCase.reference().value())) {
			Anchor link = _get(Anchor.class, (spec) -> spec.withId("payment-link"));
			assertThat(link.getText()).isEqualTo("Payment and receipts");
			assertThat(link.getHref()).isEqualTo(page(publicCase));
		}
		ConsiliumUser acmePatient = Users.user("acme", "pay-link", Role.PATIENT);
		CaseDetails acmeCase = DoctorFixtures.submittedCase(this.cases, this.tenants, "acme", acmePatient);
		try (KaribuSite site = KaribuSite.open(this.context, ACME, Locale.ENGLISH)
			.signIn(acmePatient)
			.navigate("cases/" + acmeCase.reference().value())) {
			assertThat(_find(Anchor.class, (spec) -> spec.withId("payment-link"))).isEmpty();
		}
	}

	private static String page(CaseDetails details) {
		return "cases/" + details.reference().value() + "/payment";
	}

	private static String text(String id) {
		return _get(com.vaadin.flow.component.Component.class, (spec) -> spec.withId(id)).getElement()
			.getTextRecursively();
	}

}

package org.consilium.review.internal;

import java.math.BigDecimal;
import java.util.Locale;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import org.consilium.billing.Billing;
import org.consilium.billing.BillingProblem;
import org.consilium.cases.CaseDetails;
import org.consilium.cases.CaseStatus;
import org.consilium.identity.ConsiliumUser;
import org.consilium.review.PublishedOpinions;
import org.consilium.support.IntegrationTest;
import org.consilium.support.KaribuSite;
import org.consilium.support.Users;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.TenantId;
import org.consilium.tenantconfig.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Without a payment provider (no Stripe key in tests), publication makes the case owe the
 * programme's price and nothing is charged; a platform admin records a settlement made
 * elsewhere, with a reason, once — and the delivered case closes.
 */
@IntegrationTest
class BillingByHandIT {

	static final TenantId PUBLIC = TenantId.of("public");

	static final ConsiliumUser ADMIN = Users.operator("billing-admin", Role.PLATFORM_ADMIN);

	@Autowired
	ApplicationContext context;

	@Autowired
	Billing billing;

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

	@Test
	void a_published_case_owes_its_price_until_an_admin_records_the_settlement_and_then_closes() {
		ReviewFixture.Specialist author = this.fixture.specialist("Dr. Billing Author", "cardiology", "general");
		CaseDetails details = this.fixture.published(PUBLIC, "cardiology", true, author);
		assertThat(this.billing.providerConfigured()).isFalse();
		Billing.AwaitingPayment owed = awaiting(details);
		assertThat(owed.amount().amount()).isEqualByComparingTo(new BigDecimal("750.00"));
		assertThat(owed.amount().currency().getCurrencyCode()).isEqualTo("USD");
		assertThat(owed.payer()).isEqualTo("PATIENT");

		assertThatThrownBy(() -> Users.as(ADMIN, () -> {
			this.billing.markSettled(PUBLIC, details.reference(), "  ");
			return null;
		})).isInstanceOfSatisfying(BillingProblem.class,
				(ex) -> assertThat(ex.messageKey()).isEqualTo("billing.error.reason-required"));
		assertThatThrownBy(() -> Users.as(Users.operator("billing-triage", Role.TRIAGE), () -> {
			this.billing.markSettled(PUBLIC, details.reference(), "Paid by bank transfer");
			return null;
		})).isInstanceOf(AccessDeniedException.class);
		assertThat(awaiting(details)).isNotNull();

		Users.as(ADMIN, () -> {
			this.billing.markSettled(PUBLIC, details.reference(), "Paid by bank transfer, ref 4471");
			return null;
		});
		assertThat(Users.as(ADMIN, () -> this.billing.awaitingPayment()))
			.noneMatch((item) -> item.reference().equals(details.reference()));
		assertThat(this.fixture.status(details.id())).as("delivery (doctor first) is not done yet")
			.isEqualTo(CaseStatus.PUBLISHED);
		assertThatThrownBy(() -> Users.as(ADMIN, () -> {
			this.billing.markSettled(PUBLIC, details.reference(), "Again");
			return null;
		})).isInstanceOfSatisfying(BillingProblem.class,
				(ex) -> assertThat(ex.messageKey()).isEqualTo("billing.error.nothing-owed"));

		ConsiliumUser doctor = this.fixture.demoUser(PUBLIC, Role.REFERRING_PHYSICIAN);
		TenantContext.callAs(PUBLIC, () -> Users.as(doctor, () -> this.opinions.open(details.reference())));
		assertThat(this.fixture.status(details.id())).isEqualTo(CaseStatus.CLOSED);
	}

	@Test
	@SuppressWarnings("unchecked")
	void the_billing_page_says_nothing_is_charged_and_asks_for_the_reason_next_to_the_field() {
		ReviewFixture.Specialist author = this.fixture.specialist("Dr. Billing Page", "cardiology", "general");
		CaseDetails details = this.fixture.published(PUBLIC, "cardiology", false, author);
		try (KaribuSite site = KaribuSite.open(this.context, null, Locale.ENGLISH)
			.signIn(ADMIN)
			.navigate("operator/billing")) {
			assertThat(_get(Paragraph.class, (spec) -> spec.withId("billing-provider")).getText())
				.startsWith("Billing is not configured");
			com.vaadin.flow.component.grid.Grid<Billing.AwaitingPayment> grid = _get(
					com.vaadin.flow.component.grid.Grid.class, (spec) -> spec.withId("awaiting-payment"));
			java.util.List<Billing.AwaitingPayment> rows = grid.getGenericDataView().getItems().toList();
			int row = java.util.stream.IntStream.range(0, rows.size())
				.filter((i) -> rows.get(i).reference().equals(details.reference()))
				.findFirst()
				.orElseThrow();
			_click((Button) com.github.mvysny.kaributesting.v10.GridKt._getCellComponent(grid, row, "settle"));
			_click(_get(Button.class, (spec) -> spec.withId("settle-confirm")));
			TextArea reason = _get(TextArea.class, (spec) -> spec.withId("settle-reason"));
			assertThat(reason.getErrorMessage()).isEqualTo("Please say how it was settled.");
			_setValue(reason, "Waived by the programme");
			_click(_get(Button.class, (spec) -> spec.withId("settle-confirm")));
		}
		assertThat(this.fixture.status(details.id())).as("no doctor: delivered at publication")
			.isEqualTo(CaseStatus.CLOSED);
	}

	@Test
	@SuppressWarnings("unchecked")
	void an_admin_cancels_a_case_with_a_reason_seeing_the_programmes_rules_first() {
		CaseDetails details = this.fixture.readyCase(PUBLIC, "cardiology", false);
		try (KaribuSite site = KaribuSite.open(this.context, null, Locale.ENGLISH)
			.signIn(ADMIN)
			.navigate("operator/billing")) {
			com.vaadin.flow.component.select.Select<org.consilium.tenant.Tenant> programme = _get(
					com.vaadin.flow.component.select.Select.class, (spec) -> spec.withId("cancel-programme"));
			programme.setValue(programme.getListDataView()
				.getItems()
				.filter((tenant) -> tenant.id().equals(PUBLIC))
				.findFirst()
				.orElseThrow());
			assertThat(_get(Paragraph.class, (spec) -> spec.withId("cancel-rules")).getText())
				.contains("before review, 0 %", "in review, 50 %", "after completion, 0 %");
			com.vaadin.flow.component.textfield.TextField reference = _get(
					com.vaadin.flow.component.textfield.TextField.class, (spec) -> spec.withId("cancel-reference"));
			TextArea reason = _get(TextArea.class, (spec) -> spec.withId("cancel-reason"));
			_setValue(reference, "C-0000-0000");
			_setValue(reason, "The patient withdrew");
			_click(_get(Button.class, (spec) -> spec.withId("cancel-case")));
			assertThat(reference.isInvalid()).isTrue();
			assertThat(reference.getErrorMessage())
				.isEqualTo("There is no case with this reference in this programme.");

			_setValue(reference, details.reference().value().toLowerCase(Locale.ROOT));
			_setValue(reason, "");
			_click(_get(Button.class, (spec) -> spec.withId("cancel-case")));
			assertThat(reason.getErrorMessage()).isEqualTo("Please say why the case is cancelled.");
			assertThat(this.fixture.status(details.id())).isEqualTo(CaseStatus.READY_FOR_TRIAGE);

			_setValue(reason, "The patient withdrew the request by phone");
			_click(_get(Button.class, (spec) -> spec.withId("cancel-case")));
			assertThat(reason.isInvalid()).isFalse();
		}
		assertThat(this.fixture.status(details.id())).isEqualTo(CaseStatus.CANCELLED);
		assertThat(org.consilium.support.TestDatabase.get()
			.adminJdbc()
			.queryForObject("select state from billing_item where tenant_id = 'public' and case_id = ?", String.class,
					details.id().value()))
			.as("nothing owed before review")
			.isEqualTo("CANCELLED");
	}

	private Billing.AwaitingPayment awaiting(CaseDetails details) {
		return Users.as(ADMIN, () -> this.billing.awaitingPayment())
			.stream()
			.filter((item) -> item.reference().equals(details.reference()))
			.findFirst()
			.orElseThrow();
	}

}

package org.consilium.billing.ui;

import java.util.Locale;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import org.consilium.support.KaribuSite;
import org.consilium.support.StripeIntegrationTest;
import org.consilium.support.Users;
import org.consilium.tenant.TenantId;
import org.consilium.tenantconfig.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tenant admin's payments page of a programme nothing has been billed in yet (the
 * Stripe test context's {@code quietco}, paid by its employer): the empty states in
 * words, not empty tables.
 */
@StripeIntegrationTest
class ProgrammePaymentsEmptyIT {

	@Autowired
	ApplicationContext context;

	@Test
	void a_tenant_admin_of_a_programme_without_bills_sees_the_empty_states() {
		try (KaribuSite site = KaribuSite.open(this.context, TenantId.of("quietco"), Locale.ENGLISH)
			.signIn(Users.user("quietco", "payments-admin", Role.TENANT_ADMIN))
			// The frame was built before the sign-in; leaving it (as a page reload does)
			// builds it anew, with the admin's navigation.
			.navigate("login")
			.navigate("admin/payments")) {
			assertThat(_get(Paragraph.class, (spec) -> spec.withId("payments-provider")).getText())
				.startsWith("Stripe is configured");
			assertThat(_find(Grid.class, (spec) -> spec.withId("payments-bills"))).as("no empty table").isEmpty();
			assertThat(_get(Paragraph.class, (spec) -> spec.withId("payments-bills-empty")).getText())
				.isEqualTo("No case has been billed yet. A case’s bill appears here when its opinion is complete.");
			assertThat(_find(Grid.class, (spec) -> spec.withId("payments-invoices"))).isEmpty();
			assertThat(_get(Paragraph.class, (spec) -> spec.withId("payments-invoices-empty")).getText())
				.isEqualTo("No employer invoice yet. Invoices appear here once Stripe has issued them.");
			assertThat(_find(Anchor.class, (spec) -> spec.withText("Payments"))).extracting(Anchor::getHref)
				.containsExactly("admin/payments");
		}
	}

}

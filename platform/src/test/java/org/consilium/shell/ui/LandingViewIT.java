package org.consilium.shell.ui;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import org.consilium.support.IntegrationTest;
import org.consilium.support.KaribuSite;
import org.consilium.support.MutableClock;
import org.consilium.tenant.TenantId;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each programme's landing page, rendered by Karibu-Testing from the tenant's
 * configuration.
 */
@IntegrationTest
class LandingViewIT {

	@Autowired
	ApplicationContext context;

	@Autowired
	MutableClock clock;

	@Test
	void public_landing_names_the_programme_and_includes_the_required_doctor_step() {
		try (KaribuSite site = KaribuSite.open(this.context, TenantId.of("public"), Locale.ENGLISH).navigate("")) {
			assertThat(_get(H1.class, (spec) -> spec.withId("programme-name")).getText())
				.isEqualTo("Consilium Second Opinion");
			assertThat(steps()).containsExactly("account-local", "request", "doctor-required", "records-with-retrieval",
					"triage", "review-staff", "delivery-doctor-first");
			assertThat(text("cost")).contains("$750.00")
				.contains("only when your opinion is delivered")
				.contains("within 10 business days");
			assertThat(_get(Button.class, (spec) -> spec.withId("enter")).getText())
				.isEqualTo("Sign in or create your account");
			assertThat(text("contact")).contains("help@consilium.example").contains("+1 617 555 0100");
		}
	}

	@Test
	void acme_landing_shows_its_own_variant_sso_second_reader_and_optional_doctor() {
		try (KaribuSite site = KaribuSite.open(this.context, TenantId.of("acme"), Locale.ENGLISH).navigate("")) {
			assertThat(_get(H1.class, (spec) -> spec.withId("programme-name")).getText())
				.isEqualTo("Acme Expert Medical Opinion");
			assertThat(steps())
				.containsExactly("account-sso", "eligibility-sso", "request", "doctor-optional",
						"records-with-retrieval", "triage", "review-second-reader", "delivery-together")
				.doesNotContain("doctor-required");
			assertThat(text("how-it-works")).contains("Use Acme single sign-on").contains("Allow 7 business days");
			assertThat(text("cost")).contains("Your employer pays");
			assertThat(_get(Button.class, (spec) -> spec.withId("enter")).getText())
				.isEqualTo("Sign in with Acme single sign-on");
		}
	}

	@Test
	void globex_landing_speaks_spanish_with_the_copay() {
		try (KaribuSite site = KaribuSite.open(this.context, TenantId.of("globex"), Locale.forLanguageTag("es"))
			.navigate("")) {
			assertThat(_get(H2.class, (spec) -> spec.withText("Cómo funciona"))).isNotNull();
			assertThat(steps()).contains("eligibility-census", "doctor-optional");
			assertThat(text("how-it-works")).contains("que Globex Second Opinion le cubre");
			assertThat(text("cost")).contains("copago").contains("50");
			assertThat(_get(Button.class, (spec) -> spec.withId("enter")).getText())
				.isEqualTo("Inicie sesión o cree su cuenta");
		}
	}

	@Test
	void open_or_closed_now_follows_the_programmes_own_time_zone() {
		// Monday 30 November 2026, 14:00 UTC = 09:00 in New York (public) = 08:00 in
		// Mexico City (globex).
		this.clock.set(Instant.parse("2026-11-30T14:00:00Z"));
		try (KaribuSite site = KaribuSite.open(this.context, TenantId.of("public"), Locale.ENGLISH).navigate("")) {
			assertThat(openStatus()).isEqualTo("Open now");
		}
		try (KaribuSite site = KaribuSite.open(this.context, TenantId.of("globex"), Locale.ENGLISH).navigate("")) {
			assertThat(openStatus()).isEqualTo("Closed now");
			assertThat(text("contact")).contains("Times are in Central");
		}
		this.clock.set(Instant.parse("2026-11-30T12:00:00Z"));
		try (KaribuSite site = KaribuSite.open(this.context, TenantId.of("public"), Locale.ENGLISH).navigate("")) {
			assertThat(openStatus()).isEqualTo("Closed now");
		}
	}

	@Test
	void the_operator_site_root_shows_the_operator_home_with_every_programme() {
		try (KaribuSite site = KaribuSite.open(this.context, null, Locale.ENGLISH).navigate("")) {
			assertThat(_get(H1.class, (spec) -> spec.withText("Consilium Operations"))).isNotNull();
			assertThat(_find(H1.class, (spec) -> spec.withId("programme-name"))).isEmpty();
			@SuppressWarnings("unchecked")
			var grid = (com.vaadin.flow.component.grid.Grid<org.consilium.tenant.Tenant>) _get(
					com.vaadin.flow.component.grid.Grid.class);
			assertThat(com.github.mvysny.kaributesting.v10.GridKt._findAll(grid))
				.extracting((tenant) -> tenant.id().value())
				.contains("public", "acme", "globex");
		}
	}

	@Test
	void operator_views_do_not_exist_on_a_tenant_site() {
		try (KaribuSite site = KaribuSite.open(this.context, TenantId.of("public"), Locale.ENGLISH)
			.navigate("operator")) {
			assertThat(_find(H1.class, (spec) -> spec.withText("Consilium Operations"))).isEmpty();
			assertThat(_find(com.vaadin.flow.component.html.Div.class, (spec) -> spec.withId("not-found"))).hasSize(1);
		}
	}

	private static List<String> steps() {
		return _find(ListItem.class).stream().map((item) -> item.getElement().getAttribute("data-step")).toList();
	}

	private static String text(String sectionId) {
		return _get(Section.class, (spec) -> spec.withId(sectionId)).getElement().getTextRecursively();
	}

	private static String openStatus() {
		return _get(Span.class, (spec) -> spec.withId("open-status")).getText();
	}

}

package org.consilium.cases.ui;

import java.util.Locale;

import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import org.consilium.support.IntegrationTest;
import org.consilium.support.KaribuSite;
import org.consilium.support.Users;
import org.consilium.tenant.TenantId;
import org.consilium.tenantconfig.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tenant admin's dashboard: the status groups, the on-time figure and the monthly
 * chart with its table over the last twelve months; patients and the operator site do not
 * get the page. (The figures themselves are checked in {@code ProgrammeStatisticsIT} on
 * rows no other test touches.)
 */
@IntegrationTest
class ProgrammeDashboardViewIT {

	static final TenantId PUBLIC = TenantId.of("public");

	@Autowired
	ApplicationContext context;

	@Test
	@SuppressWarnings("unchecked")
	void a_tenant_admin_sees_the_status_groups_the_on_time_figure_and_a_year_of_deliveries() {
		try (KaribuSite site = KaribuSite.open(this.context, PUBLIC, Locale.ENGLISH)
			.signIn(Users.user("public", "dashboard-admin", Role.TENANT_ADMIN))
			// Through the sign-in page, so the layout (and its navigation) is built for
			// the user.
			.navigate("login")
			.navigate("admin/dashboard")) {
			assertThat(_get(Paragraph.class, (spec) -> spec.withId("dashboard-period")).getText())
				.isEqualTo("From December 2025 to November 2026. Counts from 1 to 4 are not shown, so that no "
						+ "employee can be identified.");
			Grid<?> status = _get(Grid.class, (spec) -> spec.withId("dashboard-status"));
			assertThat(_size(status)).isEqualTo(5);
			assertThat(_getFormattedRow(status, 0).get(0)).isEqualTo("In intake");
			assertThat(_getFormattedRow(status, 4).get(0)).isEqualTo("Cancelled");
			assertThat(_getFormattedRow(status, 4).get(1)).matches("\\d[\\d,]*|fewer than 5");
			assertThat(_get(Paragraph.class, (spec) -> spec.withId("dashboard-on-time-counts")).getText())
				.startsWith("On time: ");
			Grid<?> table = _get(Grid.class, (spec) -> spec.withId("dashboard-deliveries"));
			assertThat(_size(table)).isEqualTo(12);
			assertThat(_getFormattedRow(table, 0).get(0)).isEqualTo("December 2025");
			assertThat(_getFormattedRow(table, 11).get(0)).isEqualTo("November 2026");
			String chart = _get(Svg.class, (spec) -> spec.withId("dashboard-deliveries-chart")).getElement()
				.getProperty("innerHTML");
			assertThat(chart).startsWith("<svg").contains(">Dec<", ">Nov<", ">2025<", ">2026<");
			assertThat(chart.split("<rect class=\"bar-", -1)).hasSize(13);
			assertThat(_find(Anchor.class, (spec) -> spec.withText("Dashboard"))).as("navigation entry").hasSize(1);
		}
	}

	@Test
	void a_patient_cannot_open_the_dashboard_nor_does_the_operator_site_have_one() {
		try (KaribuSite site = KaribuSite.open(this.context, PUBLIC, Locale.ENGLISH)
			.signIn(Users.user("public", "dashboard-patient", Role.PATIENT))
			.navigate("login")
			.navigate("admin/dashboard")) {
			assertThat(_find(Div.class, (spec) -> spec.withId("not-found"))).hasSize(1);
			assertThat(_find(Grid.class, (spec) -> spec.withId("dashboard-status"))).isEmpty();
			assertThat(_find(Anchor.class, (spec) -> spec.withText("My cases"))).as("the patient's navigation")
				.hasSize(1);
			assertThat(_find(Anchor.class, (spec) -> spec.withText("Dashboard"))).as("no navigation entry").isEmpty();
		}
		try (KaribuSite site = KaribuSite.open(this.context, null, Locale.ENGLISH)
			.signIn(Users.operator("dashboard-operator", Role.PLATFORM_ADMIN))
			.navigate("admin/dashboard")) {
			assertThat(_find(Div.class, (spec) -> spec.withId("not-found"))).hasSize(1);
			assertThat(_find(Grid.class, (spec) -> spec.withId("dashboard-status"))).isEmpty();
		}
	}

}

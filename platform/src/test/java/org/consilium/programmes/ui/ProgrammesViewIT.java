package org.consilium.programmes.ui;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.consilium.programmes.ProgrammeAdministration.Programme;
import org.consilium.support.IntegrationTest;
import org.consilium.support.KaribuSite;
import org.consilium.support.TestDatabase;
import org.consilium.support.Users;
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
 * The operator's programmes page: a platform admin creates a programme, fixing what the
 * form points out next to each field, then suspends it (a reason is required, after a
 * confirmation) and reactivates it. Nobody else has the page.
 */
@IntegrationTest
class ProgrammesViewIT {

	@Autowired
	ApplicationContext context;

	@Test
	@SuppressWarnings("unchecked")
	void a_platform_admin_creates_suspends_and_reactivates_a_programme() {
		String slug = "view-" + UUID.randomUUID().toString().substring(0, 8);
		try (KaribuSite site = KaribuSite.open(this.context, null, Locale.ENGLISH)
			.signIn(Users.operator("programmes-page-admin", Role.PLATFORM_ADMIN))
			.navigate("operator/programmes")) {
			Grid<Programme> grid = _get(Grid.class, (spec) -> spec.withId("programmes"));
			assertThat(slugs(grid)).contains("public", "acme", "globex");

			_setValue(_get(TextField.class, (spec) -> spec.withId("new-slug")), "View Test");
			_setValue(_get(TextField.class, (spec) -> spec.withId("new-name")), "Viewco " + slug);
			_setValue(_get(TextField.class, (spec) -> spec.withId("new-hosts")), "acme.localhost");
			_setValue(_get(TextField.class, (spec) -> spec.withId("new-admin-name")), "Vic Admin");
			_setValue(_get(EmailField.class, (spec) -> spec.withId("new-admin-email")), "vic@" + slug + ".example");
			_click(_get(Button.class, (spec) -> spec.withId("create-programme")));
			TextField slugField = _get(TextField.class, (spec) -> spec.withId("new-slug"));
			assertThat(slugField.isInvalid()).isTrue();
			assertThat(slugField.getErrorMessage())
				.isEqualTo("must be 2 to 32 lower-case letters, digits or '-', starting with a letter");
			assertThat(TestDatabase.get()
				.adminJdbc()
				.queryForObject("select count(*) from tenant where display_name = ?", Integer.class, "Viewco " + slug))
				.isZero();

			_setValue(slugField, slug);
			_click(_get(Button.class, (spec) -> spec.withId("create-programme")));
			TextField hosts = _get(TextField.class, (spec) -> spec.withId("new-hosts"));
			assertThat(slugField.isInvalid()).isFalse();
			assertThat(hosts.getErrorMessage()).isEqualTo("'acme.localhost' is already a host of tenants/acme.yaml");

			_setValue(hosts, slug + ".localhost, www." + slug + ".localhost");
			_click(_get(Button.class, (spec) -> spec.withId("create-programme")));
			assertThat(hosts.isInvalid()).isFalse();
			assertThat(slugField.getValue()).as("the form is cleared for the next one").isEmpty();
			assertThat(slugs(grid)).contains(slug);

			_click((Button) GridKt._getCellComponent(grid, row(grid, slug), "action"));
			_click(_get(Button.class, (spec) -> spec.withId("suspend-confirm")));
			TextArea reason = _get(TextArea.class, (spec) -> spec.withId("suspend-reason"));
			assertThat(reason.getErrorMessage()).isEqualTo("Give a reason (at most 500 characters).");
			_setValue(reason, "Testing the page");
			_click(_get(Button.class, (spec) -> spec.withId("suspend-confirm")));
			assertThat(find(grid, slug).active()).isFalse();
			assertThat(GridKt._getFormattedRow(grid, row(grid, slug))).contains("Suspended");

			_click((Button) GridKt._getCellComponent(grid, row(grid, slug), "action"));
			assertThat(find(grid, slug).active()).isTrue();
		}
	}

	@Test
	void the_page_is_for_platform_admins_on_the_operator_site_only() {
		try (KaribuSite site = KaribuSite.open(this.context, null, Locale.ENGLISH)
			.signIn(Users.operator("programmes-page-triage", Role.TRIAGE))
			.navigate("operator/programmes")) {
			assertThat(_find(Grid.class, (spec) -> spec.withId("programmes"))).isEmpty();
		}
		try (KaribuSite site = KaribuSite.open(this.context, TenantId.of("acme"), Locale.ENGLISH)
			.signIn(Users.user("acme", "programmes-page-admin", Role.TENANT_ADMIN))
			.navigate("operator/programmes")) {
			assertThat(_find(Div.class, (spec) -> spec.withId("not-found"))).hasSize(1);
		}
	}

	private static List<String> slugs(Grid<Programme> grid) {
		return grid.getGenericDataView().getItems().map(Programme::slug).toList();
	}

	private static int row(Grid<Programme> grid, String slug) {
		return slugs(grid).indexOf(slug);
	}

	private static Programme find(Grid<Programme> grid, String slug) {
		return grid.getGenericDataView().getItems().filter((p) -> p.slug().equals(slug)).findFirst().orElseThrow();
	}

}

package org.consilium.specialists.ui;

import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.textfield.TextField;
import org.consilium.specialists.SpecialistAdministration;
import org.consilium.support.IntegrationTest;
import org.consilium.support.KaribuSite;
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
 * The directory's pages on the operator site: a platform admin lists, creates (with the
 * server's messages next to the fields) and edits specialists; other roles and tenant
 * sites do not have the pages.
 */
@IntegrationTest
class SpecialistViewsIT {

	@Autowired
	ApplicationContext context;

	@Autowired
	SpecialistAdministration administration;

	@Test
	void a_platform_admin_creates_a_specialist_fixing_what_the_form_points_out() {
		String id = "sp-view-" + UUID.randomUUID().toString().substring(0, 8);
		try (KaribuSite site = KaribuSite.open(this.context, null, Locale.ENGLISH)
			.signIn(Users.operator("directory-page-admin", Role.PLATFORM_ADMIN))
			.navigate("operator/specialists")) {
			assertThat(_get(Grid.class, (spec) -> spec.withId("specialists")).getGenericDataView().getItems().count())
				.isGreaterThanOrEqualTo(30);
			_click(_get(Button.class, (spec) -> spec.withId("new-specialist")));
			assertThat(_get(H1.class, (spec) -> spec.withId("specialist-heading")).getText())
				.isEqualTo("New specialist");
			_setValue(_get(TextField.class, (spec) -> spec.withId("id")), id);
			_setValue(_get(TextField.class, (spec) -> spec.withId("languages")), "english");
			_click(_get(Button.class, (spec) -> spec.withId("save-specialist")));
			TextField name = _get(TextField.class, (spec) -> spec.withId("displayName"));
			assertThat(name.isInvalid()).isTrue();
			assertThat(name.getErrorMessage()).isEqualTo("Fill this in.");
			assertThat(_get(TextField.class, (spec) -> spec.withId("languages")).getErrorMessage())
				.isEqualTo("Give at least one language as a two-letter code, e.g. en.");
			@SuppressWarnings("unchecked")
			CheckboxGroup<String> specialties = _get(CheckboxGroup.class, (spec) -> spec.withId("specialties"));
			assertThat(specialties.getErrorMessage()).isEqualTo("Choose at least one specialty.");

			_setValue(name, "Vera Lindholm");
			_setValue(_get(TextField.class, (spec) -> spec.withId("languages")), "en, SV");
			_setValue(_get(TextField.class, (spec) -> spec.withId("jurisdictions")), "us-ny, SE");
			specialties.setValue(Set.of("nephrology"));
			@SuppressWarnings("unchecked")
			CheckboxGroup<String> pools = _get(CheckboxGroup.class, (spec) -> spec.withId("specialist-pools"));
			pools.setValue(Set.of("general"));
			_click(_get(Button.class, (spec) -> spec.withId("save-specialist")));
			assertThat(_get(H1.class, (spec) -> spec.withId("specialist-heading")).getText())
				.isEqualTo("Specialist: Vera Lindholm");
			assertThat(_get(Div.class, (spec) -> spec.withId("absences"))).isNotNull();
		}
		var saved = Users
			.as(Users.operator("directory-page-admin", Role.PLATFORM_ADMIN), () -> this.administration.get(id))
			.orElseThrow();
		assertThat(saved.languages()).containsExactly("en", "sv");
		assertThat(saved.jurisdictions()).containsExactly("US-NY", "SE");
		assertThat(saved.pools()).containsExactly("general");
	}

	@Autowired
	org.consilium.specialists.SpecialistDirectory directory;

	@Test
	@SuppressWarnings("unchecked")
	void a_platform_admin_links_a_specialist_to_the_account_they_sign_in_as() {
		String accountId = UUID.randomUUID().toString();
		String email = "sign-in-" + accountId.substring(0, 8) + "@ops.example";
		var admin = org.consilium.support.TestDatabase.get().adminJdbc();
		admin.update(
				"""
						insert into user_account (tenant_id, id, email, display_name, roles, status, created_at, updated_at, version)
						values ('_platform', ?::uuid, ?, 'Dr. Link Test', 'SPECIALIST', 'ACTIVE', now(), now(), 0)
						""",
				accountId, email);
		String specialistId = "sp-link-" + accountId.substring(0, 8);
		admin.update(
				"""
						insert into specialist (specialist_id, display_name, specialties, languages) values (?, 'Link Test', '{cardiology}', '{en}')
						""",
				specialistId);
		assertThat(this.directory.signIn(specialistId)).isEmpty();
		try (KaribuSite site = KaribuSite.open(this.context, null, Locale.ENGLISH)
			.signIn(Users.operator("directory-link-admin", Role.PLATFORM_ADMIN))
			.navigate("operator/specialists/" + specialistId)) {
			com.vaadin.flow.component.combobox.ComboBox<SpecialistAdministration.SignInAccount> account = _get(
					com.vaadin.flow.component.combobox.ComboBox.class, (spec) -> spec.withId("sign-in-account"));
			SpecialistAdministration.SignInAccount choice = account.getListDataView()
				.getItems()
				.filter((a) -> a.email().equals(email))
				.findFirst()
				.orElseThrow();
			_setValue(account, choice);
			_click(_get(Button.class, (spec) -> spec.withId("save-sign-in")));
		}
		assertThat(this.directory.signIn(specialistId)).map((signIn) -> signIn.accountId()).contains(accountId);
		assertThat(this.directory.specialistOf(accountId)).contains(specialistId);
	}

	@Test
	void the_pages_are_for_platform_admins_on_the_operator_site_only() {
		try (KaribuSite site = KaribuSite.open(this.context, null, Locale.ENGLISH)
			.signIn(Users.operator("directory-page-triage", Role.TRIAGE))
			.navigate("operator/specialists")) {
			assertThat(_find(Grid.class, (spec) -> spec.withId("specialists"))).isEmpty();
		}
		try (KaribuSite site = KaribuSite.open(this.context, TenantId.of("public"), Locale.ENGLISH)
			.signIn(Users.user("public", "directory-page-admin", Role.TENANT_ADMIN))
			.navigate("operator/specialists")) {
			assertThat(_find(Div.class, (spec) -> spec.withId("not-found"))).hasSize(1);
		}
		try (KaribuSite site = KaribuSite.open(this.context, null, Locale.ENGLISH)
			.signIn(Users.operator("directory-page-admin", Role.PLATFORM_ADMIN))
			.navigate("operator/specialists/no-such-specialist")) {
			assertThat(_find(Div.class, (spec) -> spec.withId("not-found"))).hasSize(1);
		}
	}

}

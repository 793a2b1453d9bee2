package org.consilium.identity.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Supplier;

import org.consilium.identity.CensusImportException;
import org.consilium.identity.CensusImports;
import org.consilium.identity.CensusImports.Mode;
import org.consilium.identity.ConsiliumUser;
import org.consilium.support.IntegrationTest;
import org.consilium.support.TestDatabase;
import org.consilium.support.Users;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.TenantId;
import org.consilium.tenantconfig.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.consilium.identity.internal.CensusImportIT.csv;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A tenant admin reaches only their own programme's census: acme's admin is refused on
 * globex's site by HTTP and by the service, a patient by the service, acme's admin on
 * acme is told acme keeps no census; and native SQL as the application role under another
 * tenant neither sees nor changes globex's rows. Each refusal has its positive control.
 */
@IntegrationTest
class CensusIsolationIT {

	static final TenantId GLOBEX = TenantId.of("globex");

	static final TenantId ACME = TenantId.of("acme");

	static final ConsiliumUser GLOBEX_ADMIN = Users.user("globex", "census-iso-admin", Role.TENANT_ADMIN);

	static final ConsiliumUser ACME_ADMIN = Users.user("acme", "census-iso-admin", Role.TENANT_ADMIN);

	static final String FILE = "id,name,born\nG-1001,Hernández,1985-03-14\n";

	@Autowired
	CensusImports imports;

	@Autowired
	MockMvc mvc;

	@Test
	void another_programmes_admin_is_refused_on_the_page_by_http() throws Exception {
		// Positive control on an address outside Vaadin (MockMvc has no Vaadin servlet).
		this.mvc
			.perform(on("globex.localhost", get("/api/v1/cases"))
				.with(authentication(Users.authentication(GLOBEX_ADMIN))))
			.andExpect(status().isOk());
		this.mvc
			.perform(
					on("globex.localhost", get("/admin/census")).with(authentication(Users.authentication(ACME_ADMIN))))
			.andExpect(status().isForbidden());
	}

	@Test
	void the_service_serves_only_the_admins_own_census_programme() {
		assertThat(as(GLOBEX, GLOBEX_ADMIN, () -> this.imports.size())).isPositive();
		assertThat(as(GLOBEX, GLOBEX_ADMIN, () -> this.imports.analyse(csv(FILE), CensusImportIT.COLUMNS).rows()))
			.isEqualTo(1);
		assertThatThrownBy(() -> as(GLOBEX, ACME_ADMIN, () -> this.imports.size()))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> as(GLOBEX, ACME_ADMIN,
				() -> this.imports.apply(csv(FILE), CensusImportIT.COLUMNS, Mode.REPLACE, false)))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> as(GLOBEX, Users.user("globex", "census-iso-patient", Role.PATIENT),
				() -> this.imports.analyse(csv(FILE), CensusImportIT.COLUMNS)))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> as(ACME, ACME_ADMIN, () -> this.imports.size()))
			.isInstanceOf(CensusImportException.class)
			.extracting("messageKey")
			.isEqualTo("census.error.not-census");
	}

	@Test
	void native_sql_as_the_application_role_in_another_tenant_sees_and_changes_no_globex_row() throws SQLException {
		try (Connection app = TestDatabase.get().appConnection()) {
			app.setAutoCommit(false);
			assertThat(count(app, "globex")).as("positive control").isPositive();
			app.rollback();
			assertThat(count(app, "acme")).isZero();
			try (PreparedStatement delete = app
				.prepareStatement("delete from census_entry where tenant_id = 'globex' and employee_id = 'G-1001'")) {
				assertThat(delete.executeUpdate()).isZero();
			}
			try (PreparedStatement insert = app.prepareStatement("insert into census_entry "
					+ "(tenant_id, employee_id, last_name, date_of_birth) values ('globex', 'X-1', 'X', '1980-01-01')")) {
				assertThatThrownBy(insert::executeUpdate).hasMessageContaining("row-level security");
			}
			app.rollback();
		}
	}

	/**
	 * Globex rows the application role sees with {@code app.tenant_id} set to a tenant.
	 */
	private static long count(Connection app, String tenant) throws SQLException {
		try (PreparedStatement set = app.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
			set.setString(1, tenant);
			set.execute();
		}
		try (PreparedStatement query = app
			.prepareStatement("select count(*) from census_entry where tenant_id = 'globex'");
				ResultSet rows = query.executeQuery()) {
			rows.next();
			return rows.getLong(1);
		}
	}

	private static <T> T as(TenantId site, ConsiliumUser user, Supplier<T> work) {
		return TenantContext.callAs(site, () -> Users.as(user, work));
	}

	private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder on(String host,
			org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request) {
		return CrossSiteSessionIT.on(host, request);
	}

}

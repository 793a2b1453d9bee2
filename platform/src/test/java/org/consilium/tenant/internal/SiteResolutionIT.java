package org.consilium.tenant.internal;

import org.consilium.support.IntegrationTest;
import org.consilium.support.TestDatabase;
import org.consilium.tenant.Site;
import org.consilium.tenant.Tenants;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The site comes from the request's host, and only from it.
 */
@IntegrationTest
class SiteResolutionIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	Tenants tenants;

	@Autowired
	TenantDirectory directory;

	@Test
	void hosts_resolve_exactly_and_never_to_a_default_tenant() {
		assertThat(this.tenants.siteFor("acme.localhost")).isInstanceOfSatisfying(Site.TenantSite.class,
				(site) -> assertThat(site.tenant().id().value()).isEqualTo("acme"));
		assertThat(this.tenants.siteFor("ACME.localhost.")).isInstanceOf(Site.TenantSite.class);
		assertThat(this.tenants.siteFor("ops.localhost")).isInstanceOf(Site.OperatorSite.class);
		assertThat(this.tenants.siteFor("localhost")).isInstanceOf(Site.BareSite.class);
		assertThat(this.tenants.siteFor("acme.localhost.evil.example")).isInstanceOf(Site.UnknownSite.class);
		assertThat(this.tenants.siteFor("xacme.localhost")).isInstanceOf(Site.UnknownSite.class);
		assertThat(this.tenants.siteFor("")).isInstanceOf(Site.UnknownSite.class);
	}

	@Test
	void an_unknown_host_gets_a_plain_404_page_not_a_tenant() throws Exception {
		this.mvc.perform(on("nowhere.localhost", get("/")))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith("text/html"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("No programme at this address")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("nowhere.localhost")))
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Exception"))));
		this.mvc.perform(on("nowhere.localhost", get("/api/v1/cases"))).andExpect(status().isNotFound());
	}

	@Test
	void the_unknown_host_page_speaks_spanish_to_a_spanish_browser() throws Exception {
		this.mvc.perform(on("nowhere.localhost", get("/")).header("Accept-Language", "es-MX,es;q=0.9"))
			.andExpect(status().isNotFound())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("No hay ningún programa")));
	}

	@Test
	void a_header_cannot_choose_the_tenant() throws Exception {
		this.mvc
			.perform(on("nowhere.localhost", get("/")).header("X-Forwarded-Host", "acme.localhost")
				.header("X-Tenant-Id", "acme")
				.param("tenant", "acme"))
			.andExpect(status().isNotFound());
	}

	@Test
	void the_bare_host_lists_the_programmes_with_links_to_their_sites() throws Exception {
		this.mvc.perform(on("localhost", get("/")))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Consilium Second Opinion")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("http://acme.localhost/")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Globex Second Opinion")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("http://ops.localhost/")));
		this.mvc.perform(on("localhost", get("/cases"))).andExpect(status().isNotFound());
	}

	@Test
	void health_answers_on_any_host_for_load_balancers() throws Exception {
		this.mvc.perform(on("10.0.0.7", get("/actuator/health"))).andExpect(status().isOk());
	}

	@Test
	void a_tenant_site_serves_its_own_logo() throws Exception {
		this.mvc.perform(on("acme.localhost", get("/branding/logo")))
			.andExpect(status().isOk())
			.andExpect(content().contentType("image/svg+xml"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("ACME")))
			.andExpect(header().string("Content-Security-Policy", org.hamcrest.Matchers.containsString("sandbox")));
		this.mvc.perform(on("public.localhost", get("/branding/logo")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Consilium")))
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("ACME"))));
	}

	@Test
	void a_suspended_programme_answers_unavailable_and_keeps_its_data() throws Exception {
		var admin = TestDatabase.get().adminJdbc();
		admin.update("update tenant set status = 'SUSPENDED' where tenant_id = 'globex'");
		try {
			this.directory.refresh();
			this.mvc.perform(on("globex.localhost", get("/")))
				.andExpect(status().isServiceUnavailable())
				.andExpect(content().string(org.hamcrest.Matchers.containsString("This programme is unavailable")));
		}
		finally {
			admin.update("update tenant set status = 'ACTIVE' where tenant_id = 'globex'");
			this.directory.refresh();
		}
		this.mvc.perform(on("globex.localhost", get("/branding/logo"))).andExpect(status().isOk());
	}

	static MockHttpServletRequestBuilder on(String host, MockHttpServletRequestBuilder request) {
		return request.with((r) -> {
			r.setServerName(host);
			return r;
		});
	}

}

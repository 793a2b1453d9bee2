package org.consilium.shell;

import java.net.http.HttpResponse;

import org.consilium.cases.CaseDetails;
import org.consilium.cases.Cases;
import org.consilium.support.RunningApplicationTest;
import org.consilium.support.SiteHttpClient;
import org.consilium.support.Users;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.TenantId;
import org.consilium.tenantconfig.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real HTTP against the running application: Vaadin routes answer with real status codes,
 * the same sign-in that works on its own site is useless on another, and every site
 * carries its own branding in the first response.
 */
@RunningApplicationTest
class HttpSiteIT {

	@LocalServerPort
	int port;

	@Autowired
	Cases cases;

	SiteHttpClient http;

	@BeforeEach
	void newBrowser() {
		this.http = new SiteHttpClient(this.port);
	}

	@Test
	void a_case_of_another_tenant_is_a_404_by_vaadin_route_and_by_rest() {
		CaseDetails acmeCase = TenantContext.callAs(TenantId.of("acme"), () -> Users
			.as(Users.user("acme", "http-patient", Role.PATIENT), () -> this.cases.openDraft("cardiology", "Q?")));
		assertThat(this.http.signIn(site("public"), "patient@public.example", "consilium-demo").statusCode())
			.isEqualTo(302);
		HttpResponse<String> own = this.http.get(site("public") + "cases");
		assertThat(own.statusCode()).isEqualTo(200);
		HttpResponse<String> foreign = this.http.get(site("public") + "cases/" + acmeCase.reference().value());
		assertThat(foreign.statusCode()).isEqualTo(404);
		assertThat(foreign.body()).contains("not-found").doesNotContain("Q?");
		HttpResponse<String> rest = this.http.get(site("public") + "api/v1/cases/" + acmeCase.id().value());
		assertThat(rest.statusCode()).isEqualTo(404);
		assertThat(rest.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
	}

	@Test
	void each_site_carries_its_own_branding_in_the_first_response() {
		HttpResponse<String> acme = this.http.get(site("acme"));
		assertThat(acme.statusCode()).isEqualTo(200);
		assertThat(acme.body()).contains("--lumo-primary-color:#b01e28").contains("<title>Acme Expert Medical Opinion");
		HttpResponse<String> publicSite = this.http.get(site("public"));
		assertThat(publicSite.body()).contains("--lumo-primary-color:#1a5fb4").doesNotContain("#b01e28");
	}

	@Test
	void a_sign_in_on_one_site_does_not_sign_you_in_on_another() {
		assertThat(this.http.signIn(site("globex"), "patient@globex.example", "consilium-demo").statusCode())
			.isEqualTo(302);
		assertThat(this.http.get(site("globex") + "api/v1/cases").statusCode()).isEqualTo(200);
		assertThat(this.http.get(site("acme") + "api/v1/cases").statusCode()).isEqualTo(401);
	}

	@Test
	void unknown_hosts_and_the_bare_host_answer_plainly() {
		HttpResponse<String> unknown = this.http.get("http://nowhere.localhost:" + this.port + "/", "es");
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.body()).contains("No hay ningún programa");
		HttpResponse<String> bare = this.http.get("http://localhost:" + this.port + "/");
		assertThat(bare.statusCode()).isEqualTo(200);
		assertThat(bare.body()).contains("http://acme.localhost:" + this.port + "/");
	}

	private String site(String tenant) {
		return "http://" + tenant + ".localhost:" + this.port + "/";
	}

}

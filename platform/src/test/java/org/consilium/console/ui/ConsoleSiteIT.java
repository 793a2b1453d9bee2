package org.consilium.console.ui;

import java.util.List;

import org.consilium.audit.AuditLog;
import org.consilium.audit.AuditRecord;
import org.consilium.support.IntegrationTest;
import org.consilium.support.Users;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.TenantId;
import org.consilium.tenantconfig.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The console by URL: a tenant admin's sign-in is worth nothing on another programme's
 * host, so Globex's admin cannot open Acme's console pages or download Acme's
 * configuration, while the same pages answer Acme's own admin.
 */
@IntegrationTest
class ConsoleSiteIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	AuditLog audit;

	@Test
	void another_programmes_admin_is_refused_on_every_console_address() throws Exception {
		var globexAdmin = Users.authentication(Users.user("globex", "console-guard", Role.TENANT_ADMIN));
		for (String page : new String[] { "/admin/console/branding", "/admin/console/workflow",
				"/admin/console/versions" }) {
			this.mvc.perform(on("acme.localhost", get(page)).with(authentication(globexAdmin)))
				.andExpect(status().isForbidden());
		}
		// Refused by the tenancy guard (not for a missing role), and recorded on Acme's
		// side.
		List<AuditRecord> audited = TenantContext.callAs(TenantId.of("acme"), () -> this.audit.recent(10))
			.stream()
			.filter((entry) -> "PRINCIPAL_REJECTED_WRONG_SITE".equals(entry.action()))
			.filter((entry) -> "test:globex:console-guard".equals(entry.subjectId()))
			.toList();
		assertThat(audited).hasSize(3)
			.allSatisfy((entry) -> assertThat(entry.details()).isEqualTo("principal of globex"));
	}

	static MockHttpServletRequestBuilder on(String host, MockHttpServletRequestBuilder request) {
		return request.with((r) -> {
			r.setServerName(host);
			return r;
		});
	}

}

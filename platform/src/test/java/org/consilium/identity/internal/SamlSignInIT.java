package org.consilium.identity.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import org.consilium.identity.ConsiliumUser;
import org.consilium.identity.MfaPendingAuthentication;
import org.consilium.support.KaribuSite;
import org.consilium.support.MutableClock;
import org.consilium.tenant.TenantId;
import org.consilium.tenantconfig.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.MvcResult;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * SAML sign-in end to end through the HTTP filter chain, with responses a fake identity
 * provider signs for real. These also guard the OpenSAML 4.0.1 workaround (decision 010):
 * Spring's default assertion validator fails the first real sign-in with
 * {@code NoSuchMethodError} on this OpenSAML, and only a sign-in like these would notice.
 */
class SamlSignInIT extends SamlTestSupport {

	@Autowired
	ApplicationContext context;

	@Autowired
	MutableClock clock;

	@Test
	void an_employee_is_provisioned_with_the_mapped_attributes_and_roles_and_signed_in() throws Exception {
		String email = "dana." + UUID.randomUUID() + "@umbrella.example";
		long before = lastAuditSeq("umbrella");
		FakeIdp.Started started = start(UMBRELLA, "umbrella-sso");
		FakeIdp.Spec spec = UMBRELLA_IDP.to(started)
			.employee(email, "Dana", "Whitfield", "active", "employees", "hr-benefits-admins");
		String sessionBefore = started.session().getId();

		MvcResult result = answer(started, UMBRELLA_IDP.response(spec));

		ConsiliumUser user = signedIn(result);
		assertThat(user.tenant()).contains(TenantId.of("umbrella"));
		assertThat(user.username()).isEqualTo(email);
		assertThat(user.displayName()).isEqualTo("Dana Whitfield");
		assertThat(user.roles()).containsExactlyInAnyOrder(Role.PATIENT, Role.TENANT_ADMIN);
		assertThat(result.getRequest().getSession().getId()).as("a new session id at sign-in")
			.isNotEqualTo(sessionBefore);
		Map<String, Object> account = this.admin.queryForMap(
				"select id::text as id, employee_id, password_hash, status from user_account where tenant_id = 'umbrella' and email = ?",
				email);
		assertThat(account.get("id")).isEqualTo(user.id());
		assertThat(account.get("employee_id")).isEqualTo(spec.attributes.get("employeeNumber").get(0));
		assertThat(account.get("password_hash")).as("SSO accounts have no password").isNull();
		assertThat(account.get("status")).isEqualTo("ACTIVE");
		assertThat(this.admin.queryForObject(
				"select user_id::text from sso_identity where tenant_id = 'umbrella' and idp_entity_id = ? and name_id = ?",
				String.class, UMBRELLA_IDP.entityId, spec.nameId))
			.isEqualTo(user.id());
		assertThat(auditSince("umbrella", before)).extracting((row) -> row.get("action"))
			.containsSubsequence("SSO_USER_PROVISIONED", "SSO_SIGN_IN");
		assertThat(auditSince("umbrella", before)).filteredOn((row) -> "SSO_SIGN_IN".equals(row.get("action")))
			.singleElement()
			.satisfies((row) -> assertThat(row.get("actor")).isEqualTo(email));
		// The tenant admin role waits for our second factor (decision 018).
		this.mvc.perform(on(UMBRELLA, get("/api/v1/cases")).session((MockHttpSession) result.getRequest().getSession()))
			.andExpect(status().isForbidden());
	}

	@Test
	void an_employee_mapped_to_tenant_admin_enrols_our_second_factor_before_any_admin_page() throws Exception {
		String email = "hana." + UUID.randomUUID() + "@umbrella.example";
		FakeIdp.Started started = start(UMBRELLA, "umbrella-sso");
		FakeIdp.Spec spec = UMBRELLA_IDP.to(started)
			.employee(email, "Hana", "Reed", "active", "employees", "hr-benefits-admins");
		MvcResult result = answer(started, UMBRELLA_IDP.response(spec));

		assertThat(signedIn(result).roles()).containsExactlyInAnyOrder(Role.PATIENT, Role.TENANT_ADMIN);
		Authentication pending = authentication(result);
		assertThat(pending).isInstanceOfSatisfying(MfaPendingAuthentication.class,
				(mfa) -> assertThat(mfa.enrolled()).as("enrolled already").isFalse());
		assertThat(pending.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_MFA_PENDING");
		this.mvc.perform(on(UMBRELLA, get("/api/v1/cases")).session((MockHttpSession) result.getRequest().getSession()))
			.andExpect(status().isForbidden());

		Authentication full;
		try (KaribuSite site = KaribuSite.open(this.context, TenantId.of("umbrella"), Locale.ENGLISH)) {
			site.authenticate(pending).navigate("admin/payments");
			assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEqualTo("mfa/setup");
			assertThat(_find(Paragraph.class, (find) -> find.withId("payments-provider"))).as("the admin page")
				.isEmpty();
			String secret = _get(Span.class, (find) -> find.withId("secret")).getText().replace(" ", "");
			_setValue(_get(TextField.class, (find) -> find.withId("code")),
					Totp.code(secret, Totp.step(this.clock.instant())));
			_click(_get(Button.class, (find) -> find.withId("confirm")));
			assertThat(_find(ListItem.class)).hasSize(MfaService.RECOVERY_CODES);
			_click(_get(Button.class, (find) -> find.withId("done")));
			full = SecurityContextHolder.getContext().getAuthentication();
		}
		assertThat(full.getAuthorities()).extracting(Object::toString)
			.containsExactlyInAnyOrder("ROLE_PATIENT", "ROLE_TENANT_ADMIN");
		try (KaribuSite site = KaribuSite.open(this.context, TenantId.of("umbrella"), Locale.ENGLISH)) {
			site.authenticate(full).navigate("admin/payments");
			assertThat(_get(Paragraph.class, (find) -> find.withId("payments-provider")).getText()).isNotBlank();
		}
		assertThat(this.admin.queryForList(
				"select action from audit_event where tenant_id = 'umbrella' and subject_id = ? and action like 'MFA%'",
				String.class, signedIn(result).id()))
			.containsExactly("MFA_ENROLLED");

		// The next single sign-on asks for the code.
		FakeIdp.Started again = start(UMBRELLA, "umbrella-sso");
		FakeIdp.Spec next = UMBRELLA_IDP.to(again)
			.employee(email, "Hana", "Reed", "active", "employees", "hr-benefits-admins");
		next.nameId = spec.nameId;
		assertThat(authentication(answer(again, UMBRELLA_IDP.response(next))))
			.isInstanceOfSatisfying(MfaPendingAuthentication.class, (mfa) -> assertThat(mfa.enrolled()).isTrue());
	}

	@Test
	void an_employee_without_a_staff_role_is_not_asked_for_a_second_factor() throws Exception {
		FakeIdp.Started started = start(UMBRELLA, "umbrella-sso");
		MvcResult result = answer(started, UMBRELLA_IDP.response(UMBRELLA_IDP.to(started)
			.employee("eli." + UUID.randomUUID() + "@umbrella.example", "Eli", "Moss", "active", "employees")));

		assertThat(authentication(result)).isNotInstanceOf(MfaPendingAuthentication.class);
		assertThat(authentication(result).getAuthorities()).extracting(Object::toString)
			.containsExactly("ROLE_PATIENT");
		this.mvc.perform(on(UMBRELLA, get("/api/v1/cases")).session((MockHttpSession) result.getRequest().getSession()))
			.andExpect(status().isOk());
		try (KaribuSite site = KaribuSite.open(this.context, TenantId.of("umbrella"), Locale.ENGLISH)) {
			site.authenticate(authentication(result)).navigate("cases");
			assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEqualTo("cases");
		}
	}

	private static Authentication authentication(MvcResult result) {
		SecurityContext context = (SecurityContext) result.getRequest()
			.getSession()
			.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
		return context.getAuthentication();
	}

	@Test
	void a_second_sign_in_finds_the_same_account_by_provider_and_name_id_and_updates_it() throws Exception {
		String email = "alex." + UUID.randomUUID() + "@umbrella.example";
		String nameId = "e-" + UUID.randomUUID();
		FakeIdp.Started first = start(UMBRELLA, "umbrella-sso");
		FakeIdp.Spec spec = UMBRELLA_IDP.to(first)
			.employee(email, "Alex", "Rivera", "active", "employees", "occupational-health");
		spec.nameId = nameId;
		ConsiliumUser before = signedIn(answer(first, UMBRELLA_IDP.response(spec)));
		assertThat(before.roles()).containsExactlyInAnyOrder(Role.PATIENT, Role.CASE_COORDINATOR);
		long seq = lastAuditSeq("umbrella");

		FakeIdp.Started second = start(UMBRELLA, "umbrella-sso");
		FakeIdp.Spec again = UMBRELLA_IDP.to(second).employee(email, "Alex", "Rivera-Soto", "active", "employees");
		again.nameId = nameId;
		ConsiliumUser after = signedIn(answer(second, UMBRELLA_IDP.response(again)));

		assertThat(after.id()).isEqualTo(before.id());
		assertThat(after.displayName()).isEqualTo("Alex Rivera-Soto");
		assertThat(after.roles()).containsExactly(Role.PATIENT);
		assertThat(after.sessionEpoch()).as("a role change ends older sessions").isGreaterThan(before.sessionEpoch());
		assertThat(auditSince("umbrella", seq)).extracting((row) -> row.get("action"))
			.contains("ROLES_CHANGED", "SSO_SIGN_IN")
			.doesNotContain("SSO_USER_PROVISIONED");
		assertThat(this.admin.queryForObject(
				"select count(*) from user_account where tenant_id = 'umbrella' and email = ?", Integer.class, email))
			.isEqualTo(1);
	}

	@Test
	void an_account_is_never_found_by_e_mail_alone() throws Exception {
		// patient@umbrella.example is a demo account with a password; another subject
		// claiming its address must not get it.
		long before = lastAuditSeq("umbrella");
		FakeIdp.Started started = start(UMBRELLA, "umbrella-sso");
		FakeIdp.Spec spec = UMBRELLA_IDP.to(started).employee("patient@umbrella.example", "Pat", "Imposter", "active");

		MvcResult result = answer(started, UMBRELLA_IDP.response(spec));

		assertThat(result.getResponse().getRedirectedUrl())
			.endsWith("/sso-problem?reason=account-conflict&provider=umbrella-sso");
		noAuthenticatedSession(result);
		assertThat(this.admin.queryForObject("select count(*) from sso_identity where name_id = ?", Integer.class,
				spec.nameId))
			.isZero();
		assertThat(auditSince("umbrella", before)).anySatisfy((row) -> {
			assertThat(row.get("action")).isEqualTo("SSO_REJECTED");
			assertThat((String) row.get("details")).startsWith("account_conflict");
			assertThat(row.get("subject_id")).isEqualTo(spec.nameId);
		});
	}

	@Test
	void an_employee_who_is_not_eligible_gets_the_not_eligible_page_and_no_session() throws Exception {
		String email = "sam." + UUID.randomUUID() + "@umbrella.example";
		long before = lastAuditSeq("umbrella");
		FakeIdp.Started started = start(UMBRELLA, "umbrella-sso");

		MvcResult result = answer(started,
				UMBRELLA_IDP.response(UMBRELLA_IDP.to(started).employee(email, "Sam", "Okafor", "terminated")));

		assertThat(result.getResponse().getRedirectedUrl())
			.endsWith("/sso-problem?reason=not-eligible&provider=umbrella-sso");
		noAuthenticatedSession(result);
		this.mvc.perform(on(UMBRELLA, get("/api/v1/cases")).session(started.session()))
			.andExpect(status().isUnauthorized());
		assertThat(this.admin.queryForObject("select count(*) from user_account where email = ?", Integer.class, email))
			.as("nobody is provisioned")
			.isZero();
		assertThat(auditSince("umbrella", before)).anySatisfy((row) -> {
			assertThat(row.get("action")).isEqualTo("SSO_REJECTED");
			assertThat((String) row.get("details")).contains("not_eligible", "terminated");
		});
	}

	@Test
	void the_response_signs_in_without_the_session_cookie_as_a_cross_site_post_arrives() throws Exception {
		// Browsers leave our SameSite=Lax session cookie out of the identity provider's
		// cross-site POST: the request we sent is found by its RelayState.
		FakeIdp.Started started = start(UMBRELLA, "umbrella-sso");
		String xml = UMBRELLA_IDP.response(UMBRELLA_IDP.to(started)
			.employee("lee." + UUID.randomUUID() + "@umbrella.example", "Lee", "Park", "active"));

		MvcResult result = postResponse(UMBRELLA, "umbrella-sso", xml, started.relayState(), null);

		assertThat(signedIn(result).tenant()).contains(TenantId.of("umbrella"));
	}

	@Test
	void a_response_signed_on_the_response_only_is_accepted_too() throws Exception {
		FakeIdp.Started started = start(UMBRELLA, "umbrella-sso");
		FakeIdp.Spec spec = UMBRELLA_IDP.to(started)
			.employee("kim." + UUID.randomUUID() + "@umbrella.example", "Kim", "Lo", "active");
		spec.signAssertion = false;
		spec.signResponse = true;

		assertThat(signedIn(answer(started, UMBRELLA_IDP.response(spec))).displayName()).isEqualTo("Kim Lo");
	}

	@Test
	void idp_initiated_sign_in_is_accepted_only_where_the_provider_allows_it() throws Exception {
		FakeIdp.Spec hooli = HOOLI_IDP
			.unsolicited("http://hooli.localhost/login/saml2/sso/hooli-sso",
					"http://hooli.localhost/saml2/service-provider-metadata/hooli-sso")
			.employee("max." + UUID.randomUUID() + "@hooli.example", "Max", "Ruiz", "whatever");
		assertThat(signedIn(postResponse(HOOLI, "hooli-sso", HOOLI_IDP.response(hooli), null, null)).tenant())
			.contains(TenantId.of("hooli"));

		long before = lastAuditSeq("umbrella");
		FakeIdp.Spec umbrella = UMBRELLA_IDP
			.unsolicited("http://umbrella.localhost/login/saml2/sso/umbrella-sso",
					"http://umbrella.localhost/saml2/service-provider-metadata/umbrella-sso")
			.employee("max." + UUID.randomUUID() + "@umbrella.example", "Max", "Ruiz", "active");
		MvcResult refused = postResponse(UMBRELLA, "umbrella-sso", UMBRELLA_IDP.response(umbrella), null, null);
		assertThat(refused.getResponse().getRedirectedUrl())
			.endsWith("/sso-problem?reason=rejected&provider=umbrella-sso");
		noAuthenticatedSession(refused);
		assertThat(auditSince("umbrella", before))
			.anySatisfy((row) -> assertThat((String) row.get("details")).startsWith("unsolicited_response"));
	}

	@Test
	void the_replay_cache_refuses_an_assertion_used_before_and_forgets_it_when_it_expires() throws Exception {
		FakeIdp.Spec spec = HOOLI_IDP
			.unsolicited("http://hooli.localhost/login/saml2/sso/hooli-sso",
					"http://hooli.localhost/saml2/service-provider-metadata/hooli-sso")
			.employee("ivy." + UUID.randomUUID() + "@hooli.example", "Ivy", "Chen", "active");
		spec.notOnOrAfter = Instant.now().plus(Duration.ofMinutes(4)).truncatedTo(ChronoUnit.MILLIS);
		String xml = HOOLI_IDP.response(spec);
		signedIn(postResponse(HOOLI, "hooli-sso", xml, null, null));
		assertThat(this.admin
			.queryForObject("select expires_at from saml_assertion_seen where tenant_id = 'hooli' and assertion_id = ?",
					Timestamp.class, spec.assertionId)
			.toInstant()).as("kept until the assertion's NotOnOrAfter").isEqualTo(spec.notOnOrAfter);
		long before = lastAuditSeq("hooli");

		MvcResult replay = postResponse(HOOLI, "hooli-sso", xml, null, null);

		assertThat(replay.getResponse().getRedirectedUrl()).endsWith("/sso-problem?reason=rejected&provider=hooli-sso");
		noAuthenticatedSession(replay);
		assertThat(auditSince("hooli", before))
			.anySatisfy((row) -> assertThat((String) row.get("details")).startsWith("replayed_assertion"));

		// Entries whose assertions can no longer be accepted go at the next sign-in.
		this.admin.update("update saml_assertion_seen set expires_at = now() - interval '1 hour' "
				+ "where tenant_id = 'hooli' and assertion_id = ?", spec.assertionId);
		signedIn(postResponse(HOOLI, "hooli-sso",
				HOOLI_IDP.response(HOOLI_IDP
					.unsolicited("http://hooli.localhost/login/saml2/sso/hooli-sso",
							"http://hooli.localhost/saml2/service-provider-metadata/hooli-sso")
					.employee("ivy." + UUID.randomUUID() + "@hooli.example", "Ivy", "Chen", "active")),
				null, null));
		assertThat(this.admin.queryForObject(
				"select count(*) from saml_assertion_seen where tenant_id = 'hooli' and assertion_id = ?",
				Integer.class, spec.assertionId))
			.isZero();
	}

	@Test
	void a_session_made_by_single_sign_on_is_refused_on_another_site() throws Exception {
		FakeIdp.Started started = start(UMBRELLA, "umbrella-sso");
		MvcResult result = answer(started, UMBRELLA_IDP.response(UMBRELLA_IDP.to(started)
			.employee("noor." + UUID.randomUUID() + "@umbrella.example", "Noor", "Haddad", "active")));
		signedIn(result);
		MockHttpSession session = (MockHttpSession) result.getRequest().getSession();
		long before = lastAuditSeq("public");

		this.mvc.perform(on("public.localhost", get("/api/v1/cases")).session(session))
			.andExpect(status().isForbidden());

		assertThat(auditSince("public", before)).extracting((row) -> row.get("action"))
			.contains("SESSION_REJECTED_WRONG_SITE");
		this.mvc.perform(on(UMBRELLA, get("/api/v1/cases")).session(session)).andExpect(status().isOk());
	}

	@Test
	void an_sso_account_cannot_sign_in_with_a_password() throws Exception {
		FakeIdp.Started started = start(UMBRELLA, "umbrella-sso");
		String email = "ola." + UUID.randomUUID() + "@umbrella.example";
		signedIn(
				answer(started, UMBRELLA_IDP.response(UMBRELLA_IDP.to(started).employee(email, "Ola", "N", "active"))));

		MvcResult result = this.mvc
			.perform(on(UMBRELLA,
					org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/login")
						.param("username", email)
						.param("password", "anything at all, long enough")
						.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
							.csrf())))
			.andReturn();

		assertThat(result.getResponse().getRedirectedUrl()).contains("error");
	}

}

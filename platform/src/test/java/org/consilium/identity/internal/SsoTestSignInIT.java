package org.consilium.identity.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import org.consilium.identity.ConsiliumUser;
import org.consilium.identity.SsoTestReport;
import org.consilium.identity.SsoTests;
import org.consilium.support.KaribuSite;
import org.consilium.support.MutableClock;
import org.consilium.support.Users;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.TenantId;
import org.consilium.tenantconfig.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The console's test sign-in (decision 024) through the real filter chain, with responses
 * the umbrella programme's fake identity provider signs: what the provider sent and how
 * it maps is reported to the admin who started the test, nobody is provisioned or signed
 * in, the admin stays who they were, and a forged response is reported as refused.
 */
class SsoTestSignInIT extends SamlTestSupport {

	static final TenantId UMBRELLA_ID = TenantId.of("umbrella");

	@Autowired
	SsoTests tests;

	@Autowired
	AccountRepository accounts;

	@Autowired
	Partitions partitions;

	@Autowired
	MutableClock clock;

	@Autowired
	ApplicationContext context;

	ConsiliumUser uma;

	MockHttpSession adminSession;

	@BeforeEach
	void anAdminOfUmbrella() {
		Account account = this.partitions.in(UMBRELLA_ID,
				() -> this.accounts.save(Account.verified("admin." + UUID.randomUUID() + "@umbrella.example",
						"Uma Admin", null, Set.of(Role.TENANT_ADMIN), this.clock.instant())));
		this.uma = AccountUserDetailsService.principal(UMBRELLA_ID, account);
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(this.uma, null, this.uma.getAuthorities()));
		this.adminSession = new MockHttpSession();
		this.adminSession.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
	}

	@Test
	void a_test_sign_in_reports_what_the_provider_sent_and_how_it_maps_without_an_account_or_a_session()
			throws Exception {
		String email = "tess." + UUID.randomUUID() + "@umbrella.example";
		long before = lastAuditSeq("umbrella");
		SsoTests.Started test = asAdmin(() -> this.tests.start("umbrella-sso"));
		FakeIdp.Started started = startTest(test);
		assertThat(started.relayState()).isEqualTo(SamlTestSignIns.RELAY_PREFIX + test.token());
		// Pending in the database (any node may receive the answer), the token only as a
		// hash.
		List<String> stored = org.consilium.support.TestDatabase.get()
			.adminJdbc()
			.queryForList("select token_sha256 from sso_test where tenant_id = 'umbrella' and report is null",
					String.class);
		assertThat(stored).contains(java.util.HexFormat.of()
			.formatHex(java.security.MessageDigest.getInstance("SHA-256")
				.digest(test.token().getBytes(StandardCharsets.UTF_8))));
		assertThat(stored).doesNotContain(test.token());
		FakeIdp.Spec spec = UMBRELLA_IDP.to(started)
			.employee(email, "Tess", "Quinn", "active", "employees", "hr-benefits-admins");

		MvcResult result = postResponse(UMBRELLA, "umbrella-sso", UMBRELLA_IDP.response(spec), started.relayState(),
				this.adminSession);

		assertThat(result.getResponse().getRedirectedUrl())
			.endsWith("/admin/console/sign-in-test?token=" + test.token());
		SsoTestReport report = asAdmin(() -> this.tests.report(test.token())).orElseThrow();
		assertThat(report.accepted()).isTrue();
		assertThat(report.problem()).isEmpty();
		assertThat(report.issuer()).isEqualTo(UMBRELLA_IDP.entityId);
		assertThat(report.nameId()).isEqualTo(spec.nameId);
		assertThat(report.responseSigned() || report.assertionSigned()).isTrue();
		assertThat(report.attributes()).containsEntry("mail", List.of(email))
			.containsEntry("givenName", List.of("Tess"))
			.containsEntry("memberOf", List.of("employees", "hr-benefits-admins"))
			.containsEntry("employmentStatus", List.of("active"));
		SsoTestReport.Mapping mapping = report.mapping().orElseThrow();
		assertThat(mapping.email()).isEqualTo(email);
		assertThat(mapping.displayName()).isEqualTo("Tess Quinn");
		assertThat(mapping.employeeId()).isEqualTo(spec.attributes.get("employeeNumber").get(0));
		assertThat(mapping.roles()).containsExactlyInAnyOrder(Role.PATIENT, Role.TENANT_ADMIN);
		assertThat(mapping.eligibility().checked()).isTrue();
		assertThat(mapping.eligibility().eligible()).isTrue();
		assertThat(mapping.eligibility().values()).containsExactly("active");
		assertThat(mapping.refusal()).isEmpty();
		// Nobody was provisioned, linked or signed in, and the admin is still the admin.
		assertThat(this.admin.queryForObject(
				"select count(*) from user_account where tenant_id = 'umbrella' and email = ?", Integer.class, email))
			.isZero();
		assertThat(this.admin.queryForObject(
				"select count(*) from sso_identity where tenant_id = 'umbrella' and name_id = ?", Integer.class,
				spec.nameId))
			.isZero();
		SecurityContext context = (SecurityContext) this.adminSession
			.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
		assertThat(((ConsiliumUser) context.getAuthentication().getPrincipal()).id()).isEqualTo(this.uma.id());
		assertThat(auditSince("umbrella", before)).extracting((row) -> row.get("action"))
			.containsExactly("TENANT_SSO_TEST", "TENANT_SSO_TEST");
		assertThat(auditSince("umbrella", before)).last().satisfies((row) -> {
			assertThat(row.get("actor")).isEqualTo(this.uma.username());
			assertThat((String) row.get("details")).startsWith("accepted");
		});
		// The admin's new window shows the report.
		try (KaribuSite site = KaribuSite.open(this.context, UMBRELLA_ID, Locale.ENGLISH)) {
			site.signIn(this.uma);
			UI.getCurrent().navigate("admin/console/sign-in-test", QueryParameters.of("token", test.token()));
			assertThat(_get(UnorderedList.class, (find) -> find.withId("sso-test-attributes")).getElement()
				.getTextRecursively()).contains("mail: " + email, "memberOf: employees, hr-benefits-admins");
			assertThat(_get(UnorderedList.class, (find) -> find.withId("sso-test-mapping")).getElement()
				.getTextRecursively())
				.contains("Roles: PATIENT, TENANT_ADMIN", "Eligible: “employmentStatus” is active, one of active");
			assertThat(_get(Paragraph.class, (find) -> find.withId("sso-test-verdict")).getText())
				.isEqualTo("A real sign-in with this response would succeed.");
		}
		// The tested response is used up: posting it again (as a sign-in) is refused.
		MvcResult replay = postResponse(UMBRELLA, "umbrella-sso", UMBRELLA_IDP.response(spec), null, null);
		noAuthenticatedSession(replay);
		assertThat(replay.getResponse().getRedirectedUrl()).contains("/sso-problem");
	}

	@Test
	void a_test_sign_in_without_the_admins_cookie_still_reports_to_the_admin() throws Exception {
		SsoTests.Started test = asAdmin(() -> this.tests.start("umbrella-sso"));
		FakeIdp.Started started = startTest(test);
		FakeIdp.Spec spec = UMBRELLA_IDP.to(started)
			.employee("sam." + UUID.randomUUID() + "@umbrella.example", "Sam", "Ortiz", "terminated", "employees");

		// The identity provider's POST is cross-site: the browser sends no session
		// cookie.
		MvcResult result = postResponse(UMBRELLA, "umbrella-sso", UMBRELLA_IDP.response(spec), started.relayState(),
				null);

		noAuthenticatedSession(result);
		SsoTestReport.Mapping mapping = asAdmin(() -> this.tests.report(test.token())).orElseThrow()
			.mapping()
			.orElseThrow();
		assertThat(mapping.eligibility().eligible()).isFalse();
		assertThat(mapping.eligibility().anyOf()).containsExactly("active");
		assertThat(mapping.refusal()).contains("employmentStatus [terminated] is not one of [active]");
		assertThat(mapping.roles()).containsExactly(Role.PATIENT);
	}

	@Test
	void a_forged_response_in_a_test_is_reported_as_refused() throws Exception {
		SsoTests.Started test = asAdmin(() -> this.tests.start("umbrella-sso"));
		FakeIdp.Started started = startTest(test);
		String email = "mallory." + UUID.randomUUID() + "@umbrella.example";
		FakeIdp.Spec spec = UMBRELLA_IDP.to(started).employee(email, "Mallory", "Doe", "active", "hr-benefits-admins");

		MvcResult result = postResponse(UMBRELLA, "umbrella-sso", UMBRELLA_IDP.impostor().response(spec),
				started.relayState(), null);

		noAuthenticatedSession(result);
		assertThat(result.getResponse().getRedirectedUrl()).endsWith("token=" + test.token());
		SsoTestReport report = asAdmin(() -> this.tests.report(test.token())).orElseThrow();
		assertThat(report.accepted()).isFalse();
		assertThat(report.problem()).hasValueSatisfying((problem) -> assertThat(problem).contains("signature"));
		assertThat(report.attributes()).isEmpty();
		assertThat(report.mapping()).isEmpty();
		assertThat(this.admin.queryForObject(
				"select count(*) from user_account where tenant_id = 'umbrella' and email = ?", Integer.class, email))
			.isZero();
		assertThat(auditSince("umbrella", lastAuditSeq("umbrella") - 1)).last()
			.satisfies((row) -> assertThat((String) row.get("details")).startsWith("refused: "));
	}

	@Test
	void an_unsigned_response_in_a_test_is_reported_as_refused() throws Exception {
		SsoTests.Started test = asAdmin(() -> this.tests.start("umbrella-sso"));
		FakeIdp.Started started = startTest(test);
		FakeIdp.Spec spec = UMBRELLA_IDP.to(started)
			.employee("ursula." + UUID.randomUUID() + "@umbrella.example", "Ursula", "Nash", "active", "employees");
		spec.signResponse = false;
		spec.signAssertion = false;

		postResponse(UMBRELLA, "umbrella-sso", UMBRELLA_IDP.response(spec), started.relayState(), null);

		SsoTestReport report = asAdmin(() -> this.tests.report(test.token())).orElseThrow();
		assertThat(report.accepted()).isFalse();
		assertThat(report.problem()).isPresent();
	}

	@Test
	void a_test_response_for_no_test_signs_nobody_in_and_reports_nothing() throws Exception {
		FakeIdp.Started started = start(UMBRELLA, "umbrella-sso");
		FakeIdp.Spec spec = UMBRELLA_IDP.to(started)
			.employee("ivy." + UUID.randomUUID() + "@umbrella.example", "Ivy", "Lane", "active", "employees");

		MvcResult result = postResponse(UMBRELLA, "umbrella-sso", UMBRELLA_IDP.response(spec),
				SamlTestSignIns.RELAY_PREFIX + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", started.session());

		noAuthenticatedSession(result);
		assertThat(result.getResponse().getRedirectedUrl()).contains("/sso-problem");
	}

	@Test
	void only_the_admin_who_started_a_test_sees_its_report() throws Exception {
		SsoTests.Started test = asAdmin(() -> this.tests.start("umbrella-sso"));
		FakeIdp.Started started = startTest(test);
		postResponse(UMBRELLA, "umbrella-sso",
				UMBRELLA_IDP.response(UMBRELLA_IDP.to(started)
					.employee("kim." + UUID.randomUUID() + "@umbrella.example", "Kim", "Ray", "active", "employees")),
				started.relayState(), null);

		ConsiliumUser other = Users.user("umbrella", "Otto", Role.TENANT_ADMIN);
		assertThat(TenantContext.callAs(UMBRELLA_ID, () -> Users.as(other, () -> this.tests.report(test.token()))))
			.isEmpty();
		assertThat(TenantContext.callAs(TenantId.of("hooli"),
				() -> Users.as(this.uma, () -> this.tests.report(test.token()))))
			.isEmpty();
		assertThat(asAdmin(() -> this.tests.report(test.token()))).isPresent();
	}

	@Test
	void the_sign_in_page_shows_the_saved_provider_unchanged_and_its_test_button_starts_a_test() {
		long before = lastAuditSeq("umbrella");
		try (KaribuSite site = KaribuSite.open(this.context, UMBRELLA_ID, Locale.ENGLISH)) {
			site.signIn(this.uma).navigate("admin/console/sign-in");
			assertThat(_get(TextField.class, (find) -> find.withId("console-saml-0-entityId")).getValue())
				.isEqualTo(UMBRELLA_IDP.entityId);
			assertThat(_get(TextField.class, (find) -> find.withId("console-saml-0-metadata-file")).getValue())
				.isEqualTo("assets/umbrella-idp.xml");
			assertThat(_get(TextArea.class, (find) -> find.withId("console-saml-0-roleMapping")).getValue())
				.contains("hr-benefits-admins = TENANT_ADMIN");
			assertThat(_get(TextField.class, (find) -> find.withId("console-saml-0-eligibility-anyOf")).getValue())
				.isEqualTo("active");
			assertThat(_get(Button.class, (find) -> find.withId("console-save")).isEnabled()).as("nothing changed yet")
				.isFalse();
			_click(_get(Button.class, (find) -> find.withId("console-saml-0-test")));
		}
		assertThat(auditSince("umbrella", before)).singleElement().satisfies((row) -> {
			assertThat(row.get("action")).isEqualTo("TENANT_SSO_TEST");
			assertThat(row.get("details")).isEqualTo("started");
		});
	}

	/** Opens the test's address in the admin's browser, as the console's button does. */
	private FakeIdp.Started startTest(SsoTests.Started test) throws Exception {
		UriComponents url = UriComponentsBuilder.fromUriString("/" + test.url()).build();
		MvcResult result = this.mvc
			.perform(on(UMBRELLA,
					get(url.getPath()).param(SamlTestSignIns.PARAMETER,
							url.getQueryParams().getFirst(SamlTestSignIns.PARAMETER)))
				.session(this.adminSession))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		UriComponents location = UriComponentsBuilder.fromUriString(result.getResponse().getRedirectedUrl()).build();
		String samlRequest = URLDecoder.decode(location.getQueryParams().getFirst("SAMLRequest"),
				StandardCharsets.UTF_8);
		String relayState = URLDecoder.decode(location.getQueryParams().getFirst("RelayState"), StandardCharsets.UTF_8);
		var request = authnRequest(samlRequest);
		assertThat(request.isForceAuthn()).as("the identity provider asks who is signing in afresh").isTrue();
		return new FakeIdp.Started(this.adminSession, request.getID(), relayState,
				request.getAssertionConsumerServiceURL(), request.getIssuer().getValue());
	}

	private <T> T asAdmin(Supplier<T> work) {
		return TenantContext.callAs(UMBRELLA_ID, () -> Users.as(this.uma, work));
	}

}

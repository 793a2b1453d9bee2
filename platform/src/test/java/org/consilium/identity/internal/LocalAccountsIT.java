package org.consilium.identity.internal;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.VaadinSession;
import elemental.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpSession;
import org.consilium.audit.AuditLog;
import org.consilium.audit.AuditRecord;
import org.consilium.identity.ConsiliumUser;
import org.consilium.support.IntegrationTest;
import org.consilium.support.KaribuSite;
import org.consilium.support.MutableClock;
import org.consilium.support.TestDatabase;
import org.consilium.support.TestMail;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.TenantId;
import org.consilium.tenantconfig.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockRequestDispatcher;
import org.springframework.mock.web.MockServletContext;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.WebAttributes;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Local accounts end to end: registration and the real e-mail (GreenMail) whose link
 * verifies the address, sign-in through the real filter chain, lockout, password reset,
 * session limits.
 */
@IntegrationTest
class LocalAccountsIT {

	static final String PASSWORD = org.consilium.support.TestPasswords.generate();

	@Autowired
	AccountViews accounts;

	@Autowired
	AccountService accountService;

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Autowired
	AuditLog audit;

	@Autowired
	ApplicationContext context;

	@Autowired
	AccountRepository repository;

	@Autowired
	ServletContext servletContext;

	@Autowired
	Partitions partitions;

	@Test
	void registration_e_mails_a_link_that_verifies_the_address_then_the_patient_signs_in() throws Exception {
		String email = newAddress();
		assertThat(onSite("public", () -> this.accounts.register(email, "Ann Lee", PASSWORD, Locale.ENGLISH)))
			.isEmpty();
		assertThat(signIn("public", email, PASSWORD).getResponse().getRedirectedUrl()).contains("error");
		MimeMessage mail = TestMail.get().awaitSubject(email, "Confirm your e-mail address");
		assertThat(mail.getSubject()).isEqualTo("Confirm your e-mail address for Consilium Second Opinion");
		assertThat(mail.getFrom()[0].toString()).contains("Consilium Second Opinion");
		String link = TestMail.link(mail, "/verify-email?token=");
		assertThat(link).startsWith("http://public.localhost:8080/verify-email?token=");
		assertThat(onSite("public", () -> this.accounts.verifyEmail(token(link)))).isTrue();
		assertThat(onSite("public", () -> this.accounts.verifyEmail(token(link)))).as("a link works once").isFalse();
		MvcResult signedIn = signIn("public", email, PASSWORD);
		assertThat(signedIn.getResponse().getRedirectedUrl()).doesNotContain("error");
		this.mvc.perform(on("public", get("/api/v1/cases")).session(session(signedIn))).andExpect(status().isOk());
		assertThat(actions("public")).contains("ACCOUNT_REGISTERED", "EMAIL_VERIFIED", "SIGN_IN");
	}

	@Test
	void bad_fields_are_refused_with_messages_per_field_and_nothing_is_stored() {
		String email = newAddress();
		Map<String, List<String>> problems = onSite("public",
				() -> this.accounts.register(email, " ", "password1234", Locale.ENGLISH));
		assertThat(problems).containsEntry("name", List.of("register.name.invalid"))
			.containsEntry("password", List.of("password.common"));
		assertThat(onSite("public", () -> this.accounts.register("not-an-address", "Ann", PASSWORD, Locale.ENGLISH)))
			.containsEntry("email", List.of("register.email.invalid"));
		assertThat(onSite("public", () -> this.accounts.register(email, "Ann", "short", Locale.ENGLISH)))
			.containsEntry("password", List.of("password.too-short"));
		assertThat(accountCount(email)).isZero();
		assertThat(TestMail.get().to(email)).isEmpty();
	}

	@Test
	void registering_a_taken_address_answers_the_same_and_tells_only_its_owner() throws Exception {
		String email = newAddress();
		onSite("public", () -> this.accounts.register(email, "Ann Lee", PASSWORD, Locale.ENGLISH));
		assertThat(onSite("public", () -> this.accounts.register(email, "Mallory",
				org.consilium.support.TestPasswords.generate(), Locale.ENGLISH)))
			.isEmpty();
		assertThat(accountCount(email)).isEqualTo(1);
		assertThat(TestMail.get().awaitSubject(email, "account").getSubject())
			.isEqualTo("Your Consilium Second Opinion account");
	}

	@Test
	void registration_is_not_offered_where_the_programme_uses_company_sign_in() {
		assertThat(onSite("acme", () -> this.accounts.registrationOpen())).isFalse();
		assertThatThrownBy(
				() -> onSite("acme", () -> this.accounts.register(newAddress(), "Ann", PASSWORD, Locale.ENGLISH)))
			.isInstanceOf(IllegalStateException.class);
	}

	@Test
	void five_wrong_passwords_lock_the_account_for_fifteen_minutes() throws Exception {
		String email = registeredAndVerified("public");
		for (int i = 0; i < 5; i++) {
			assertThat(signIn("public", email, "wrong password " + i).getResponse().getRedirectedUrl())
				.contains("error");
		}
		assertThat(signIn("public", email, PASSWORD).getResponse().getRedirectedUrl())
			.as("locked, even with the password")
			.contains("error");
		assertThat(actions("public")).contains("ACCOUNT_LOCKED");
		this.clock.advance(Duration.ofMinutes(16));
		assertThat(signIn("public", email, PASSWORD).getResponse().getRedirectedUrl()).doesNotContain("error");
	}

	@Test
	void the_sign_in_page_says_the_account_is_locked_after_too_many_wrong_passwords() throws Exception {
		String email = registeredAndVerified("public");
		MvcResult first = signIn("public", email, "wrong password 0");
		assertThat(signInPageMessage(first)).as("one wrong password")
			.isEqualTo("The e-mail address or password is not correct. Check both and try again.");
		MvcResult last = first;
		for (int i = 1; i < 6; i++) {
			last = signIn("public", email, (i < 5) ? "wrong password " + i : PASSWORD);
		}
		assertThat(last.getRequest().getSession().getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION))
			.as("even the right password, once locked")
			.isInstanceOf(LockedException.class);
		assertThat(signInPageMessage(last)).isEqualTo(
				"This account is locked for 15 minutes after too many failed attempts. Try again later, or reset your password.");
	}

	@Test
	void the_sign_in_page_tells_a_throttled_client_to_wait_a_minute() throws Exception {
		String address = "192.0.2." + (int) (Math.random() * 250);
		MvcResult last = null;
		for (int i = 0; i <= SignInThrottle.MAX_ATTEMPTS; i++) {
			last = this.mvc.perform(on("public", post("/login")).with((r) -> {
				r.setRemoteAddr(address);
				return r;
			}).param("username", "nobody@example.com").param("password", "whatever it is")).andReturn();
		}
		assertThat(last.getResponse().getRedirectedUrl()).isEqualTo("login?throttled");
		assertThat(last.getResponse().getHeader("Retry-After")).isEqualTo("60");
		assertThat(signInPageMessage(last))
			.isEqualTo("Too many sign-in attempts from your network. Wait a minute and try again.");
	}

	@Test
	void a_reset_link_sets_a_new_password_once_and_ends_the_other_sessions() throws Exception {
		String email = registeredAndVerified("globex");
		MockHttpSession oldSession = session(signIn("globex", email, PASSWORD));
		this.mvc.perform(on("globex", get("/api/v1/cases")).session(oldSession)).andExpect(status().isOk());
		onSite("globex", () -> {
			this.accounts.requestPasswordReset(email, Locale.forLanguageTag("es"));
			return null;
		});
		MimeMessage mail = TestMail.get().awaitSubject(email, "Restablezca");
		assertThat(mail.getSubject()).isEqualTo("Restablezca su contraseña de Globex Second Opinion");
		String token = token(TestMail.link(mail, "/reset-password?token="));
		assertThat(onSite("globex", () -> this.accounts.resetPassword(token, "password1234"))).containsEntry("password",
				List.of("password.common"));
		assertThat(onSite("globex", () -> this.accounts.resetPassword(token, "a new and long sentence"))).isEmpty();
		assertThat(onSite("globex", () -> this.accounts.resetPassword(token, "and yet another sentence")))
			.containsEntry("token", List.of("reset.invalid-link"));
		this.mvc.perform(on("globex", get("/api/v1/cases")).session(oldSession)).andExpect(status().isUnauthorized());
		assertThat(signIn("globex", email, PASSWORD).getResponse().getRedirectedUrl()).contains("error");
		assertThat(signIn("globex", email, "a new and long sentence").getResponse().getRedirectedUrl())
			.doesNotContain("error");
		assertThat(actions("globex")).contains("PASSWORD_RESET", "SESSION_ENDED");
	}

	@Test
	void a_reset_link_expires_after_thirty_minutes_and_is_useless_on_another_tenant() {
		String email = registeredAndVerified("public");
		onSite("public", () -> {
			this.accounts.requestPasswordReset(email, Locale.ENGLISH);
			return null;
		});
		String token = token(TestMail.get().awaitLink(email, "/reset-password?token="));
		assertThat(onSite("globex", () -> this.accounts.resetPassword(token, "a new and long sentence")))
			.as("another tenant's site")
			.containsEntry("token", List.of("reset.invalid-link"));
		this.clock.advance(Duration.ofMinutes(31));
		assertThat(onSite("public", () -> this.accounts.resetPassword(token, "a new and long sentence")))
			.containsEntry("token", List.of("reset.invalid-link"));
	}

	@Test
	void a_reset_for_an_unknown_address_sends_nothing_and_says_nothing() {
		String email = newAddress();
		onSite("public", () -> {
			this.accounts.requestPasswordReset(email, Locale.ENGLISH);
			return null;
		});
		assertThat(TestMail.get().to(email)).isEmpty();
		assertThat(actions("public")).contains("PASSWORD_RESET_REQUESTED_UNKNOWN");
	}

	@Test
	void a_password_reset_does_not_bypass_the_second_factor() throws Exception {
		onSite("public", () -> {
			this.accounts.requestPasswordReset("coordinator@public.example", Locale.ENGLISH);
			return null;
		});
		String token = token(TestMail.get().awaitLink("coordinator@public.example", "/reset-password?token="));
		assertThat(onSite("public", () -> this.accounts.resetPassword(token, "coordinating all the cases"))).isEmpty();
		MockHttpSession session = session(signIn("public", "coordinator@public.example", "coordinating all the cases"));
		// A second factor is still due: the session grants nothing yet.
		this.mvc.perform(on("public", get("/api/v1/cases")).session(session)).andExpect(status().isForbidden());
	}

	@Test
	void disabling_an_account_ends_all_its_sessions() throws Exception {
		String email = registeredAndVerified("public");
		MockHttpSession first = session(signIn("public", email, PASSWORD));
		MockHttpSession second = session(signIn("public", email, PASSWORD));
		UUID id = onSite("public", () -> this.accountService.state(TenantId.of("public"), accountId(email)))
			.map((state) -> accountId(email))
			.orElseThrow();
		this.accountService.disable(TenantId.of("public"), id);
		this.mvc.perform(on("public", get("/api/v1/cases")).session(first)).andExpect(status().isUnauthorized());
		this.mvc.perform(on("public", get("/api/v1/cases")).session(second)).andExpect(status().isUnauthorized());
		assertThat(signIn("public", email, PASSWORD).getResponse().getRedirectedUrl()).contains("error");
	}

	@Test
	void a_role_change_is_audited_and_ends_the_accounts_sessions() throws Exception {
		String email = registeredAndVerified("globex");
		MockHttpSession session = session(signIn("globex", email, PASSWORD));
		this.mvc.perform(on("globex", get("/api/v1/cases")).session(session)).andExpect(status().isOk());
		this.accountService.changeRoles(TenantId.of("globex"), accountId(email), java.util.EnumSet
			.of(org.consilium.tenantconfig.Role.PATIENT, org.consilium.tenantconfig.Role.REFERRING_PHYSICIAN));
		this.mvc.perform(on("globex", get("/api/v1/cases")).session(session)).andExpect(status().isUnauthorized());
		assertThat(actions("globex")).contains("ROLES_CHANGED");
	}

	@Test
	void a_session_ends_twelve_hours_after_sign_in_however_active() throws Exception {
		String email = registeredAndVerified("public");
		MockHttpSession session = session(signIn("public", email, PASSWORD));
		Duration active = Duration.ZERO;
		while (active.compareTo(Duration.ofHours(12)) <= 0) {
			this.mvc.perform(on("public", get("/api/v1/cases")).session(session)).andExpect(status().isOk());
			// Never idle for long: only the absolute limit can end it.
			this.clock.advance(Duration.ofMinutes(25));
			active = active.plusMinutes(25);
		}
		this.mvc.perform(on("public", get("/api/v1/cases")).session(session)).andExpect(status().isUnauthorized());
		assertThat(sessionEnds(accountId(email))).containsExactly("absolute limit of 12 hours reached");
	}

	@Test
	void idle_sessions_end_after_thirty_minutes_for_patients_and_fifteen_for_staff() throws Exception {
		String email = registeredAndVerified("public");
		MockHttpSession patient = session(signIn("public", email, PASSWORD));
		this.mvc.perform(on("public", get("/api/v1/cases")).session(patient));
		assertThat(patient.getMaxInactiveInterval()).isEqualTo(30 * 60);
		MockHttpSession staff = session(signIn("public", "admin@public.example", "consilium-demo"));
		this.mvc.perform(on("public", get("/api/v1/cases")).session(staff));
		assertThat(staff.getMaxInactiveInterval()).isEqualTo(15 * 60);
	}

	@Test
	void heartbeats_alone_do_not_keep_a_staff_session_past_fifteen_idle_minutes() throws Exception {
		Account coordinator = newAccount("public", Role.CASE_COORDINATOR);
		MockHttpSession session = fullySignedIn(coordinator);
		this.mvc.perform(on("public", get("/api/v1/cases")).session(session)).andExpect(status().isOk());
		heartbeats(session, Duration.ofMinutes(15));
		assertThat(session.isInvalid()).as("idle for exactly 15 minutes").isFalse();
		heartbeats(session, Duration.ofMinutes(1));
		assertThat(session.isInvalid()).as("idle for 16 minutes, heartbeats or not").isTrue();
		this.mvc.perform(on("public", get("/api/v1/cases")).session(session)).andExpect(status().isUnauthorized());
		assertThat(sessionEnds(coordinator.id())).containsExactly("idle for more than 15 minutes");
	}

	@Test
	void heartbeats_alone_keep_a_patient_session_for_thirty_idle_minutes_not_more() throws Exception {
		String email = registeredAndVerified("public");
		MockHttpSession session = session(signIn("public", email, PASSWORD));
		this.mvc.perform(on("public", get("/api/v1/cases")).session(session)).andExpect(status().isOk());
		heartbeats(session, Duration.ofMinutes(16));
		assertThat(session.isInvalid()).as("a patient idle for 16 minutes").isFalse();
		heartbeats(session, Duration.ofMinutes(15));
		assertThat(session.isInvalid()).as("a patient idle for 31 minutes").isTrue();
		this.mvc.perform(on("public", get("/api/v1/cases")).session(session)).andExpect(status().isUnauthorized());
		assertThat(sessionEnds(accountId(email))).containsExactly("idle for more than 30 minutes");
	}

	@Test
	void a_real_request_starts_the_idle_time_afresh_and_the_heartbeats_after_it_do_not() throws Exception {
		Account coordinator = newAccount("public", Role.CASE_COORDINATOR);
		MockHttpSession session = fullySignedIn(coordinator);
		this.mvc.perform(on("public", get("/api/v1/cases")).session(session)).andExpect(status().isOk());
		heartbeats(session, Duration.ofMinutes(14));
		this.mvc.perform(on("public", get("/api/v1/cases")).session(session)).andExpect(status().isOk());
		heartbeats(session, Duration.ofMinutes(15));
		assertThat(session.isInvalid()).as("29 minutes after sign-in, 15 after the last real request").isFalse();
		heartbeats(session, Duration.ofMinutes(1));
		assertThat(session.isInvalid()).as("16 minutes after the last real request").isTrue();
	}

	@Test
	void sign_in_attempts_from_one_address_are_throttled() throws Exception {
		String address = "203.0.113." + (int) (Math.random() * 250);
		String last = null;
		for (int i = 0; i < 21; i++) {
			last = this.mvc.perform(on("public", post("/login")).with((r) -> {
				r.setRemoteAddr(address);
				return r;
			}).param("username", "nobody@example.com").param("password", "whatever it is"))
				.andReturn()
				.getResponse()
				.getRedirectedUrl();
		}
		assertThat(last).contains("throttled");
	}

	/**
	 * What an open but untouched page sends: a Vaadin heartbeat every 5 minutes (its
	 * default) and at the end of the period.
	 */
	private void heartbeats(MockHttpSession session, Duration period) throws Exception {
		// MockMvc has no Vaadin servlet: the forward to it is only recorded, after the
		// filters (where the session limits are) ran as for a browser's heartbeat.
		((MockServletContext) this.servletContext).registerNamedDispatcher("springServlet",
				new MockRequestDispatcher("/vaadinServlet/"));
		Duration left = period;
		while (!left.isZero()) {
			Duration step = (left.compareTo(Duration.ofMinutes(5)) < 0) ? left : Duration.ofMinutes(5);
			this.clock.advance(step);
			left = left.minus(step);
			this.mvc.perform(on("public", post("/?v-r=heartbeat&v-uiId=0")).session(session));
		}
	}

	/**
	 * A session as the second factor leaves it: the user's own roles, fully signed in.
	 */
	private static MockHttpSession fullySignedIn(Account account) {
		ConsiliumUser user = AccountUserDetailsService.principal(TenantId.of("public"), account);
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		MockHttpSession session = new MockHttpSession();
		session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
		return session;
	}

	private Account newAccount(String tenant, Role role) {
		return this.partitions.in(TenantId.of(tenant), () -> this.repository
			.save(Account.verified(newAddress(), "Staff Member", null, Set.of(role), this.clock.instant())));
	}

	/** Why the user's sessions ended, oldest first. */
	private static List<String> sessionEnds(UUID user) {
		return TestDatabase.get()
			.adminJdbc()
			.queryForList("select details from audit_event where action = 'SESSION_ENDED' and subject_id = ? "
					+ "order by occurred_at, seq", String.class, user.toString());
	}

	private String registeredAndVerified(String tenant) {
		String email = newAddress();
		onSite(tenant, () -> this.accounts.register(email, "Test Person", PASSWORD, Locale.ENGLISH));
		String link = TestMail.get().awaitLink(email, "/verify-email?token=");
		assertThat(onSite(tenant, () -> this.accounts.verifyEmail(token(link)))).isTrue();
		return email;
	}

	private MvcResult signIn(String tenant, String email, String password) throws Exception {
		return this.mvc.perform(on(tenant, post("/login")).with((r) -> {
			r.setRemoteAddr("198.51.100." + (int) (Math.random() * 250));
			return r;
		}).param("username", email).param("password", password)).andExpect(status().is3xxRedirection()).andReturn();
	}

	/**
	 * The sign-in page where a sign-in post sent the browser, with the session's last
	 * sign-in failure as the browser's session would carry it: the message the form
	 * shows.
	 */
	private String signInPageMessage(MvcResult result) {
		UriComponents target = UriComponentsBuilder.fromUriString(result.getResponse().getRedirectedUrl()).build();
		HttpSession session = result.getRequest().getSession(false);
		Object failure = (session != null) ? session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION) : null;
		try (KaribuSite site = KaribuSite.open(this.context, TenantId.of("public"), Locale.ENGLISH)) {
			if (failure != null) {
				VaadinSession.getCurrent().getSession().setAttribute(WebAttributes.AUTHENTICATION_EXCEPTION, failure);
			}
			UI.getCurrent()
				.navigate(target.getPath().replaceFirst("^/", ""), QueryParameters.fromString(target.getQuery()));
			LoginForm form = _get(LoginForm.class);
			assertThat(form.isError()).as("the form shows an error").isTrue();
			// What the browser receives to show in the form.
			JsonObject i18n = (JsonObject) form.getElement().getPropertyRaw("i18n");
			return i18n.getObject("errorMessage").getString("message");
		}
	}

	private static MockHttpSession session(MvcResult result) {
		return (MockHttpSession) result.getRequest().getSession(false);
	}

	/** Runs as a request to the tenant's site would: its tenant, its host for links. */
	private static <T> T onSite(String tenant, Supplier<T> work) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setServerName(tenant + ".localhost");
		request.setServerPort(8080);
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
		try {
			return TenantContext.callAs(TenantId.of(tenant), work);
		}
		finally {
			RequestContextHolder.resetRequestAttributes();
		}
	}

	private static MockHttpServletRequestBuilder on(String tenant, MockHttpServletRequestBuilder request) {
		return request.with((r) -> {
			r.setServerName(tenant + ".localhost");
			return r;
		});
	}

	private static String token(String link) {
		return UriComponentsBuilder.fromUriString(link).build().getQueryParams().getFirst("token");
	}

	private static String newAddress() {
		return "person-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
	}

	private static long accountCount(String email) {
		return TestDatabase.get()
			.adminJdbc()
			.queryForObject("select count(*) from user_account where email = ?", Long.class, email);
	}

	private static UUID accountId(String email) {
		return TestDatabase.get()
			.adminJdbc()
			.queryForObject("select id from user_account where email = ?", UUID.class, email);
	}

	private List<String> actions(String tenant) {
		return TenantContext.callAs(TenantId.of(tenant), () -> this.audit.recent(50))
			.stream()
			.map(AuditRecord::action)
			.toList();
	}

}

package org.consilium.identity.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.util.EnumSet;
import java.util.HexFormat;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.consilium.audit.AuditEntry;
import org.consilium.audit.AuditLog;
import org.consilium.identity.ConsiliumUser;
import org.consilium.identity.CurrentUser;
import org.consilium.identity.SsoTestReport;
import org.consilium.identity.SsoTests;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.TenantId;
import org.consilium.tenantconfig.EligibilityRule;
import org.consilium.tenantconfig.Role;
import org.consilium.tenantconfig.SamlProvider;
import org.consilium.tenantconfig.Workflow;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.Attribute;
import org.opensaml.saml.saml2.core.AttributeStatement;
import org.opensaml.saml.saml2.core.NameID;
import org.opensaml.saml.saml2.core.Response;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.saml2.core.Saml2Error;
import org.springframework.security.saml2.core.Saml2ErrorCodes;
import org.springframework.security.saml2.core.Saml2ParameterNames;
import org.springframework.security.saml2.provider.service.authentication.OpenSaml4AuthenticationProvider.ResponseToken;
import org.springframework.security.saml2.provider.service.authentication.Saml2AuthenticationException;
import org.springframework.security.saml2.provider.service.authentication.Saml2AuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Test sign-ins (docs/decisions/024-sso-test-sign-in.md). An admin's test gets a one-time
 * token, tied to the admin and the site; the authentication request carries it in its
 * RelayState ({@value #RELAY_PREFIX}…), and a response arriving with such a RelayState is
 * a test, always: it goes through every check of a real sign-in (XML screen, signatures,
 * response and assertion validators, one use per assertion), then is only reported —
 * {@link SamlSignIn} never sees it, so no account is made or changed, and the filter's
 * failure path (never its success path) ends it, so no session is made for anyone.
 * <p>
 * Tests are kept in the database ({@code sso_test}, under row-level security) for ten
 * minutes, so the identity provider's answer may reach any node; the token is stored as
 * its SHA-256 only, and the first response of a test is the only one reported (an atomic
 * update), whichever node it reaches.
 */
@Component
class SamlTestSignIns implements SsoTests {

	static final String PARAMETER = "sso-test";

	static final String RELAY_PREFIX = "sso-test.";

	static final Duration LIFETIME = Duration.ofMinutes(10);

	static final String REPORT_PAGE = "/admin/console/sign-in-test?token=";

	private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{20,64}");

	private static final int MAX_PENDING = 1000;

	private final SamlRegistrations registrations;

	private final SamlReplayCache replays;

	private final Partitions partitions;

	private final AuditLog audit;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	private final JdbcTemplate jdbc;

	private final ObjectMapper json;

	SamlTestSignIns(SamlRegistrations registrations, SamlReplayCache replays, Partitions partitions, AuditLog audit,
			Clock clock, JdbcTemplate jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
		this.registrations = registrations;
		this.replays = replays;
		this.partitions = partitions;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	public Started start(String providerId) {
		ConsiliumUser admin = CurrentUser.require();
		TenantId tenant = TenantContext.current();
		if (this.registrations.current(providerId).isEmpty()) {
			throw new IllegalArgumentException("No provider " + providerId + " in the saved configuration");
		}
		byte[] bytes = new byte[24];
		this.random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant now = this.clock.instant();
		this.partitions.in(tenant, () -> {
			this.jdbc.update("delete from sso_test where tenant_id = ? and expires_at <= ?", tenant.value(),
					Timestamp.from(now));
			Integer pending = this.jdbc.queryForObject("select count(*) from sso_test where tenant_id = ?",
					Integer.class, tenant.value());
			if (pending != null && pending >= MAX_PENDING) {
				throw new IllegalStateException("Too many test sign-ins at once");
			}
			this.jdbc.update(
					"insert into sso_test (tenant_id, token_sha256, provider_id, admin_id, admin_name, "
							+ "admin_email, admin_roles, expires_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
					tenant.value(), sha256(token), providerId, admin.id(), admin.displayName(), admin.username(),
					String.join(",", admin.roles().stream().map(Enum::name).sorted().toList()),
					Timestamp.from(now.plus(LIFETIME)));
			this.audit.record(AuditEntry.of("TENANT_SSO_TEST").subject("provider", providerId).details("started"));
			return null;
		});
		return new Started(token, "saml2/authenticate/" + providerId + "?" + PARAMETER + "=" + token);
	}

	@Override
	public Optional<SsoTestReport> report(String token) {
		ConsiliumUser admin = CurrentUser.require();
		return live(token).filter((test) -> test.admin().id().equals(admin.id()))
			.flatMap((test) -> Optional.ofNullable(test.report()));
	}

	/**
	 * The RelayState of an authentication request: a test's when the request asks for a
	 * test — even one this browser may not run, so that its answer is never taken for a
	 * sign-in — else empty.
	 */
	Optional<String> relayState(HttpServletRequest request) {
		String token = request.getParameter(PARAMETER);
		if (token == null) {
			return Optional.empty();
		}
		String providerId = request.getRequestURI().substring(request.getRequestURI().lastIndexOf('/') + 1);
		boolean runnable = live(token).filter((test) -> test.providerId().equals(providerId))
			.filter((test) -> test.report() == null)
			.filter((test) -> CurrentUser.find().map((user) -> user.id().equals(test.admin().id())).orElse(false))
			.isPresent();
		return Optional.of(RELAY_PREFIX + (runnable ? token : "refused"));
	}

	/** Whether a response (by its RelayState) answers a test. */
	boolean isTest(HttpServletRequest request) {
		String relayState = request.getParameter(Saml2ParameterNames.RELAY_STATE);
		return relayState != null && relayState.startsWith(RELAY_PREFIX);
	}

	/** The token of a response that answers a test, for the checks to carry along. */
	Saml2AuthenticationToken mark(Saml2AuthenticationToken token, HttpServletRequest request) {
		return new TestToken(token, request.getParameter(Saml2ParameterNames.RELAY_STATE));
	}

	/**
	 * A test's response that passed the signature and validator checks: recorded as used
	 * like a sign-in's, then reported. Always ends in an exception, so the filter never
	 * signs anyone in.
	 */
	AbstractAuthenticationToken complete(ResponseToken token) {
		String registrationId = token.getToken().getRelyingPartyRegistration().getRegistrationId();
		SamlRegistrations.Found found = this.registrations.current(registrationId)
			.orElseThrow(() -> new SsoRejection(Saml2ErrorCodes.RELYING_PARTY_REGISTRATION_NOT_FOUND,
					"Provider " + registrationId + " is not one of this site's"));
		Response response = token.getResponse();
		Assertion assertion = response.getAssertions().get(0);
		boolean firstUse = this.partitions.in(found.tenant().id(),
				() -> this.replays.firstUse(found.tenant().id(), assertion.getID(), SamlSignIn.expiry(assertion)));
		if (!firstUse) {
			throw new SsoRejection(SsoRejection.REPLAYED, "Assertion [" + assertion.getID() + "] was used before");
		}
		NameID nameId = assertion.getSubject().getNameID();
		SsoTestReport report = new SsoTestReport(registrationId, this.clock.instant(), true, Optional.empty(),
				(response.getIssuer() != null) ? response.getIssuer().getValue()
						: (assertion.getIssuer() != null) ? assertion.getIssuer().getValue() : null,
				(nameId != null) ? nameId.getValue() : null, (nameId != null) ? nameId.getFormat() : null,
				response.isSigned(), assertion.isSigned(), attributes(assertion),
				Optional.of(mapping(found, assertion)));
		throw new Done(report);
	}

	private SsoTestReport.Mapping mapping(SamlRegistrations.Found found, Assertion assertion) {
		SamlProvider provider = found.provider();
		List<String> refusals = new ArrayList<>();
		try {
			SamlSignIn.nameId(assertion);
		}
		catch (SsoRejection ex) {
			refusals.add(ex.getSaml2Error().getDescription());
		}
		SamlSignIn.Person person = null;
		try {
			person = SamlSignIn.Person.of(assertion, provider, null);
		}
		catch (SsoRejection ex) {
			refusals.add(ex.getSaml2Error().getDescription());
		}
		boolean checked = found.tenant().config().workflow().eligibility() == Workflow.Eligibility.SSO_ATTRIBUTE;
		EligibilityRule rule = provider.eligibility().orElse(new EligibilityRule("-", List.of()));
		List<String> values = SamlSignIn.values(assertion, rule.attribute());
		boolean eligible = !checked || rule.allows(values);
		if (!eligible) {
			refusals.add(rule.attribute() + " " + values + " is not one of " + rule.anyOf());
		}
		List<String> groups = provider.attributes()
			.groups()
			.map((attribute) -> SamlSignIn.values(assertion, attribute))
			.orElse(List.of());
		return new SsoTestReport.Mapping((person != null) ? person.email() : null,
				(person != null) ? person.displayName() : null, (person != null) ? person.employeeId() : null, groups,
				(person != null) ? person.roles() : Set.of(),
				new SsoTestReport.Eligibility(checked, rule.attribute(), rule.anyOf(), values, eligible),
				refusals.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", refusals)));
	}

	private static Map<String, List<String>> attributes(Assertion assertion) {
		Map<String, List<String>> attributes = new LinkedHashMap<>();
		for (AttributeStatement statement : assertion.getAttributeStatements()) {
			for (Attribute attribute : statement.getAttributes()) {
				// Each attribute once, with the values of all its occurrences.
				attributes.computeIfAbsent(attribute.getName(), (name) -> SamlSignIn.values(assertion, name));
			}
		}
		return attributes;
	}

	/**
	 * The end of every test response, accepted or refused: the report is kept for the
	 * admin who started the test, audited, and the browser goes to the report page.
	 */
	void finish(HttpServletRequest request, HttpServletResponse response, AuthenticationException outcome)
			throws IOException {
		String token = request.getParameter(Saml2ParameterNames.RELAY_STATE).substring(RELAY_PREFIX.length());
		Optional<Test> test = live(token).filter((found) -> found.report() == null);
		if (test.isEmpty()) {
			TenantContext.runAs(Partitions.currentSite(), () -> this.audit.record(AuditEntry.of("SSO_REJECTED")
				.details("test_unknown: a test response for no test of this site, or a second one for the same test")));
			response.sendRedirect(request.getContextPath() + "/sso-problem?reason=rejected");
			return;
		}
		SsoTestReport report = (outcome instanceof Done done) ? done.report
				: SsoTestReport.refused(test.get().providerId(), this.clock.instant(), describe(outcome));
		boolean first = this.partitions.in(test.get().tenant(),
				() -> this.jdbc.update(
						"update sso_test set report = ? where tenant_id = ? and token_sha256 = ? and report is null",
						write(report), test.get().tenant().value(), sha256(token)) == 1);
		if (!first) {
			// Another response of the same test got there first (on this node or
			// another).
			TenantContext.runAs(Partitions.currentSite(), () -> this.audit
				.record(AuditEntry.of("SSO_REJECTED").details("test_unknown: a second response for the same test")));
			response.sendRedirect(request.getContextPath() + "/sso-problem?reason=rejected");
			return;
		}
		recordAs(test.get().admin(),
				AuditEntry.of("TENANT_SSO_TEST")
					.subject("provider", test.get().providerId())
					.details((report.accepted() ? "accepted" : "refused: " + report.problem().orElse(""))
							+ (report.nameId() != null ? " (NameID " + report.nameId() + ")" : "")));
		response.sendRedirect(request.getContextPath() + REPORT_PAGE + token);
	}

	private static String describe(AuthenticationException outcome) {
		if (outcome instanceof Saml2AuthenticationException saml) {
			Saml2Error error = saml.getSaml2Error();
			return error.getErrorCode() + ": " + error.getDescription();
		}
		return outcome.getMessage();
	}

	/** The audit names the admin who ran the test, though their session is not here. */
	private void recordAs(ConsiliumUser admin, AuditEntry entry) {
		SecurityContext previous = SecurityContextHolder.getContext();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(admin, null, admin.getAuthorities()));
		SecurityContextHolder.setContext(context);
		try {
			TenantContext.runAs(Partitions.currentSite(), () -> this.audit.record(entry));
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

	private Optional<Test> live(String token) {
		if (token == null || !TOKEN.matcher(token).matches()) {
			return Optional.empty();
		}
		Optional<TenantId> site = TenantContext.find();
		if (site.isEmpty()) {
			return Optional.empty();
		}
		TenantId tenant = site.get();
		Instant now = this.clock.instant();
		return this.partitions.in(tenant, () -> this.jdbc.query(
				"select provider_id, admin_id, admin_name, admin_email, admin_roles, expires_at, report "
						+ "from sso_test where tenant_id = ? and token_sha256 = ? and expires_at > ?",
				(row, n) -> new Test(tenant, row.getString(1),
						new ConsiliumUser(row.getString(2), row.getString(4), row.getString(3), Optional.of(tenant),
								roles(row.getString(5)), 0),
						row.getTimestamp(6).toInstant(), read(row.getString(7))),
				tenant.value(), sha256(token), Timestamp.from(now)))
			.stream()
			.findFirst();
	}

	private static Set<Role> roles(String names) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (String name : names.split(",")) {
			if (!name.isBlank()) {
				roles.add(Role.valueOf(name));
			}
		}
		return roles;
	}

	private String write(SsoTestReport report) {
		try {
			return this.json.writeValueAsString(report);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Test sign-in report cannot be stored", ex);
		}
	}

	private SsoTestReport read(String stored) {
		if (stored == null) {
			return null;
		}
		try {
			return this.json.readValue(stored, SsoTestReport.class);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Stored test sign-in report cannot be read", ex);
		}
	}

	private static String sha256(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record Test(TenantId tenant, String providerId, ConsiliumUser admin, Instant expires,
			SsoTestReport report) {

	}

	/** A response that answers a test. */
	static final class TestToken extends Saml2AuthenticationToken {

		private final String relayState;

		TestToken(Saml2AuthenticationToken token, String relayState) {
			super(token.getRelyingPartyRegistration(), token.getSaml2Response(), token.getAuthenticationRequest());
			this.relayState = relayState;
		}

		String relayState() {
			return this.relayState;
		}

	}

	/** How an accepted test response leaves the checks: never as a sign-in. */
	static final class Done extends Saml2AuthenticationException {

		private final transient SsoTestReport report;

		Done(SsoTestReport report) {
			super(new Saml2Error("sso_test_completed", "Test sign-in reported, nobody signed in"));
			this.report = report;
		}

	}

}

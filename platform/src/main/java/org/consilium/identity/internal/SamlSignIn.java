package org.consilium.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.consilium.audit.AuditEntry;
import org.consilium.audit.AuditLog;
import org.consilium.identity.ConsiliumUser;
import org.consilium.identity.MfaPendingAuthentication;
import org.consilium.identity.MfaPolicy;
import org.consilium.tenant.Tenant;
import org.consilium.tenant.TenantId;
import org.consilium.tenantconfig.EligibilityRule;
import org.consilium.tenantconfig.Role;
import org.consilium.tenantconfig.SamlProvider;
import org.consilium.tenantconfig.Workflow;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.core.xml.schema.XSAny;
import org.opensaml.core.xml.schema.XSString;
import org.opensaml.core.xml.schema.XSURI;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.Attribute;
import org.opensaml.saml.saml2.core.AttributeStatement;
import org.opensaml.saml.saml2.core.NameID;
import org.opensaml.saml.saml2.core.NameIDType;
import org.opensaml.saml.saml2.core.SubjectConfirmation;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.saml2.core.Saml2ErrorCodes;
import org.springframework.security.saml2.provider.service.authentication.OpenSaml4AuthenticationProvider.ResponseToken;
import org.springframework.stereotype.Component;

/**
 * Turns a response that passed every check into a signed-in {@link ConsiliumUser} of the
 * tenant, in one transaction of the tenant's partition: the assertion is marked as used
 * (a replay is refused), the eligibility rule is applied, the account is found by
 * (identity provider, NameID) or provisioned just in time, and the sign-in is audited.
 * Any refusal rolls all of it back.
 * <p>
 * Roles: every SSO user is a patient; the provider's groups attribute adds roles by its
 * role mapping. A user whose roles need a second factor ({@link MfaPolicy}) gets only a
 * {@link MfaPendingAuthentication}, as after a password: our TOTP (enrolment on the first
 * sign-in) comes before any of those roles (decision 018).
 */
@Component
class SamlSignIn {

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");

	private static final int MAX_NAME_ID = 256;

	private final SamlRegistrations registrations;

	private final SamlReplayCache replays;

	private final SsoIdentities identities;

	private final AccountRepository accounts;

	private final Partitions partitions;

	private final AuditLog audit;

	private final Clock clock;

	SamlSignIn(SamlRegistrations registrations, SamlReplayCache replays, SsoIdentities identities,
			AccountRepository accounts, Partitions partitions, AuditLog audit, Clock clock) {
		this.registrations = registrations;
		this.replays = replays;
		this.identities = identities;
		this.accounts = accounts;
		this.partitions = partitions;
		this.audit = audit;
		this.clock = clock;
	}

	AbstractAuthenticationToken signIn(ResponseToken token) {
		String registrationId = token.getToken().getRelyingPartyRegistration().getRegistrationId();
		SamlRegistrations.Found found = this.registrations.current(registrationId)
			.orElseThrow(() -> new SsoRejection(Saml2ErrorCodes.RELYING_PARTY_REGISTRATION_NOT_FOUND,
					"Provider " + registrationId + " is not one of this site's"));
		Assertion assertion = token.getResponse().getAssertions().get(0);
		String idp = token.getToken().getRelyingPartyRegistration().getAssertingPartyMetadata().getEntityId();
		String nameId = nameId(assertion);
		Person person = Person.of(assertion, found.provider(), nameId);
		SignedIn signedIn = this.partitions.in(found.tenant().id(), () -> {
			if (!this.replays.firstUse(found.tenant().id(), assertion.getID(), expiry(assertion))) {
				throw new SsoRejection(SsoRejection.REPLAYED, "Assertion [" + assertion.getID() + "] was used before",
						nameId);
			}
			checkEligibility(found.tenant(), found.provider(), assertion, nameId);
			List<AuditEntry> entries = new ArrayList<>();
			Account account = account(found.tenant().id(), idp, nameId, person, entries);
			entries.add(AuditEntry.of("SSO_SIGN_IN")
				.subject("user", account.id())
				.details("through " + registrationId + " (" + idp + ")"));
			ConsiliumUser user = AccountUserDetailsService.principal(found.tenant().id(), account);
			recordAs(user, entries);
			return new SignedIn(user, account.hasMfa());
		});
		ConsiliumUser user = signedIn.user();
		if (MfaPolicy.requiresMfa(user.roles())) {
			return new MfaPendingAuthentication(user, signedIn.mfaEnrolled());
		}
		return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
	}

	/**
	 * The audit names the person signing in as the actor, though the security context is
	 * only set once this sign-in succeeds.
	 */
	private void recordAs(ConsiliumUser user, List<AuditEntry> entries) {
		SecurityContext previous = SecurityContextHolder.getContext();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		SecurityContextHolder.setContext(context);
		try {
			entries.forEach(this.audit::record);
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

	private void checkEligibility(Tenant tenant, SamlProvider provider, Assertion assertion, String nameId) {
		if (tenant.config().workflow().eligibility() != Workflow.Eligibility.SSO_ATTRIBUTE) {
			return;
		}
		// The tenant-config loader requires a rule on every provider in this case; none
		// would mean nobody is eligible, never everybody.
		EligibilityRule rule = provider.eligibility().orElse(new EligibilityRule("-", List.of()));
		List<String> values = values(assertion, rule.attribute());
		if (!rule.allows(values)) {
			throw new SsoRejection(SsoRejection.NOT_ELIGIBLE,
					rule.attribute() + " " + values + " is not one of " + rule.anyOf(), nameId);
		}
	}

	private Account account(TenantId tenant, String idp, String nameId, Person person, List<AuditEntry> entries) {
		Instant now = this.clock.instant();
		Optional<Account> linked = this.identities.find(tenant, idp, nameId).flatMap(this.accounts::findById);
		if (linked.isPresent()) {
			return update(linked.get(), person, nameId, now, entries);
		}
		if (this.accounts.existsByEmail(person.email())) {
			// Never link by e-mail alone: the address may belong to someone else here.
			throw new SsoRejection(SsoRejection.ACCOUNT_CONFLICT,
					"Another account of this site already uses the asserted e-mail address", nameId);
		}
		Account account = Account.verified(person.email(), person.displayName(), null, person.roles(), now);
		account.setEmployeeId(person.employeeId());
		this.accounts.saveAndFlush(account);
		this.identities.link(tenant, idp, nameId, account.id(), now);
		entries.add(AuditEntry.of("SSO_USER_PROVISIONED")
			.subject("user", account.id())
			.details("from " + idp + " with roles " + person.roles()));
		return account;
	}

	private Account update(Account account, Person person, String nameId, Instant now, List<AuditEntry> entries) {
		if (account.status() == Account.Status.DISABLED) {
			throw new SsoRejection(SsoRejection.ACCOUNT_DISABLED, "The account is disabled", nameId);
		}
		if (!account.email().equals(person.email())) {
			if (this.accounts.existsByEmail(person.email())) {
				throw new SsoRejection(SsoRejection.ACCOUNT_CONFLICT,
						"Another account of this site already uses the newly asserted e-mail address", nameId);
			}
			account.changeEmail(person.email(), now);
		}
		if (!account.displayName().equals(person.displayName())) {
			account.rename(person.displayName(), now);
		}
		account.setEmployeeId(person.employeeId());
		if (!account.roles().equals(person.roles())) {
			Set<Role> before = account.roles();
			account.changeRoles(person.roles(), now);
			entries.add(AuditEntry.of("ROLES_CHANGED")
				.subject("user", account.id())
				.details(before + " -> " + account.roles() + " (from the identity provider)"));
		}
		return account;
	}

	static String nameId(Assertion assertion) {
		NameID nameId = assertion.getSubject().getNameID();
		String value = (nameId != null) ? nameId.getValue() : null;
		if (value == null || value.isBlank() || value.length() > MAX_NAME_ID
				|| value.chars().anyMatch(Character::isISOControl)) {
			throw new SsoRejection(SsoRejection.UNUSABLE_SUBJECT, "The assertion names no usable subject");
		}
		if (NameIDType.TRANSIENT.equals(nameId.getFormat())) {
			// A transient NameID changes at every sign-in: it cannot find the account
			// again.
			throw new SsoRejection(SsoRejection.UNUSABLE_SUBJECT, "A transient NameID cannot identify a person", value);
		}
		return value;
	}

	/** The latest NotOnOrAfter of the assertion: until then it must not be used again. */
	static Instant expiry(Assertion assertion) {
		Stream<Instant> conditions = Stream.ofNullable(assertion.getConditions()).map((c) -> c.getNotOnOrAfter());
		Stream<Instant> confirmations = assertion.getSubject()
			.getSubjectConfirmations()
			.stream()
			.map(SubjectConfirmation::getSubjectConfirmationData)
			.filter((data) -> data != null)
			.map((data) -> data.getNotOnOrAfter());
		return Stream.concat(conditions, confirmations)
			.filter((instant) -> instant != null)
			.max(Instant::compareTo)
			.orElseThrow(() -> new SsoRejection(SsoRejection.UNUSABLE_SUBJECT, "The assertion never expires"));
	}

	static List<String> values(Assertion assertion, String attributeName) {
		List<String> values = new ArrayList<>();
		for (AttributeStatement statement : assertion.getAttributeStatements()) {
			for (Attribute attribute : statement.getAttributes()) {
				if (attributeName.equals(attribute.getName())) {
					attribute.getAttributeValues()
						.stream()
						.map(SamlSignIn::text)
						.filter((text) -> text != null && !text.isBlank())
						.forEach((text) -> values.add(text.strip()));
				}
			}
		}
		return values;
	}

	private static String text(XMLObject value) {
		if (value instanceof XSString string) {
			return string.getValue();
		}
		if (value instanceof XSAny any) {
			return any.getTextContent();
		}
		if (value instanceof XSURI uri) {
			return uri.getURI();
		}
		return null;
	}

	private record SignedIn(ConsiliumUser user, boolean mfaEnrolled) {
	}

	/** The person as the provider's attribute mapping describes them. */
	record Person(String email, String displayName, String employeeId, Set<Role> roles) {

		static Person of(Assertion assertion, SamlProvider provider, String nameId) {
			SamlProvider.AttributeMapping mapping = provider.attributes();
			String email = first(assertion, Optional.of(mapping.email())).map((e) -> e.toLowerCase(Locale.ROOT))
				.filter((e) -> e.length() <= 254 && EMAIL.matcher(e).matches())
				.orElseThrow(() -> new SsoRejection(SsoRejection.UNUSABLE_SUBJECT,
						"The assertion carries no e-mail address in " + mapping.email(), nameId));
			String name = Stream
				.of(first(assertion, mapping.firstName()).orElse(""), first(assertion, mapping.lastName()).orElse(""))
				.filter((part) -> !part.isEmpty())
				.reduce((a, b) -> a + " " + b)
				.orElse(email);
			String employeeId = first(assertion, mapping.employeeId()).map((id) -> cut(id, 120)).orElse(null);
			Set<Role> roles = EnumSet.of(Role.PATIENT);
			mapping.groups()
				.map((attribute) -> values(assertion, attribute))
				.orElse(List.of())
				.forEach((group) -> Optional.ofNullable(provider.roleMapping().get(group)).ifPresent(roles::add));
			return new Person(email, cut(name, 120), employeeId, roles);
		}

		private static Optional<String> first(Assertion assertion, Optional<String> attribute) {
			return attribute.flatMap((name) -> values(assertion, name).stream().findFirst());
		}

		private static String cut(String text, int max) {
			return (text.length() <= max) ? text : text.substring(0, max);
		}

	}

}

package org.consilium.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.TenantId;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.saml2.core.Saml2ParameterNames;
import org.springframework.security.saml2.provider.service.authentication.AbstractSaml2AuthenticationRequest;
import org.springframework.security.saml2.provider.service.authentication.Saml2PostAuthenticationRequest;
import org.springframework.security.saml2.provider.service.authentication.Saml2RedirectAuthenticationRequest;
import org.springframework.security.saml2.provider.service.registration.RelyingPartyRegistration;
import org.springframework.security.saml2.provider.service.registration.Saml2MessageBinding;
import org.springframework.security.saml2.provider.service.web.Saml2AuthenticationRequestRepository;
import org.springframework.stereotype.Component;

/**
 * The authentication requests we sent, in the database of the tenant, keyed by the
 * RelayState the identity provider returns with its response. Spring keeps them in the
 * HTTP session by default, which fails in real use: the identity provider's POST is
 * cross-site, so the browser leaves our SameSite=Lax session cookie out, and behind a
 * load balancer it can reach another node. A request is used once (removed when the
 * response arrives) and expires after ten minutes.
 * <p>
 * Keying by RelayState instead of the browser means a response can be posted by another
 * browser than the one that asked. That enables "login CSRF" with the attacker's own
 * company account — exactly what IdP-initiated sign-in allows anyway — and nothing more:
 * the response must still be signed by the tenant's identity provider for that request.
 */
@Component
class SamlAuthnRequests implements Saml2AuthenticationRequestRepository<AbstractSaml2AuthenticationRequest> {

	static final Duration LIFETIME = Duration.ofMinutes(10);

	private final JdbcTemplate jdbc;

	private final Partitions partitions;

	private final SamlRegistrations registrations;

	private final Clock clock;

	SamlAuthnRequests(JdbcTemplate jdbc, Partitions partitions, SamlRegistrations registrations, Clock clock) {
		this.jdbc = jdbc;
		this.partitions = partitions;
		this.registrations = registrations;
		this.clock = clock;
	}

	@Override
	public AbstractSaml2AuthenticationRequest loadAuthenticationRequest(HttpServletRequest request) {
		return find(request).orElse(null);
	}

	@Override
	public void saveAuthenticationRequest(AbstractSaml2AuthenticationRequest authenticationRequest,
			HttpServletRequest request, HttpServletResponse response) {
		if (authenticationRequest == null) {
			removeAuthenticationRequest(request, response);
			return;
		}
		TenantId tenant = TenantContext.current();
		this.partitions.in(tenant, () -> {
			this.jdbc.update("delete from saml_authn_request where tenant_id = ? and expires_at < ?", tenant.value(),
					Timestamp.from(this.clock.instant()));
			return this.jdbc.update(
					"insert into saml_authn_request (tenant_id, relay_state, request_id, registration_id, binding, "
							+ "saml_request, request_uri, expires_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
					tenant.value(), authenticationRequest.getRelayState(), authenticationRequest.getId(),
					authenticationRequest.getRelyingPartyRegistrationId(), authenticationRequest.getBinding().name(),
					authenticationRequest.getSamlRequest(), authenticationRequest.getAuthenticationRequestUri(),
					Timestamp.from(this.clock.instant().plus(LIFETIME)));
		});
	}

	@Override
	public AbstractSaml2AuthenticationRequest removeAuthenticationRequest(HttpServletRequest request,
			HttpServletResponse response) {
		Optional<AbstractSaml2AuthenticationRequest> found = find(request);
		found.ifPresent((stored) -> this.partitions.in(TenantContext.current(),
				() -> this.jdbc.update("delete from saml_authn_request where tenant_id = ? and relay_state = ?",
						TenantContext.current().value(), stored.getRelayState())));
		return found.orElse(null);
	}

	private Optional<AbstractSaml2AuthenticationRequest> find(HttpServletRequest request) {
		String relayState = request.getParameter(Saml2ParameterNames.RELAY_STATE);
		Optional<TenantId> tenant = TenantContext.find();
		if (relayState == null || relayState.isEmpty() || relayState.length() > 128 || tenant.isEmpty()) {
			return Optional.empty();
		}
		List<Stored> rows = this.partitions.in(tenant.get(), () -> this.jdbc.query(
				"select request_id, registration_id, binding, saml_request, request_uri from saml_authn_request "
						+ "where tenant_id = ? and relay_state = ? and expires_at > ?",
				(rs, n) -> new Stored(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getString(5)),
				tenant.get().value(), relayState, Timestamp.from(this.clock.instant())));
		if (rows.isEmpty()) {
			return Optional.empty();
		}
		Stored stored = rows.get(0);
		RelyingPartyRegistration registration = this.registrations.findByRegistrationId(stored.registrationId());
		if (registration == null) {
			return Optional.empty();
		}
		return Optional.of(stored.rebuild(registration, relayState));
	}

	private record Stored(String requestId, String registrationId, String binding, String samlRequest,
			String requestUri) {

		AbstractSaml2AuthenticationRequest rebuild(RelyingPartyRegistration registration, String relayState) {
			if (Saml2MessageBinding.POST.name().equals(this.binding)) {
				return Saml2PostAuthenticationRequest.withRelyingPartyRegistration(registration)
					.id(this.requestId)
					.relayState(relayState)
					.samlRequest(this.samlRequest)
					.authenticationRequestUri(this.requestUri)
					.build();
			}
			return Saml2RedirectAuthenticationRequest.withRelyingPartyRegistration(registration)
				.id(this.requestId)
				.relayState(relayState)
				.samlRequest(this.samlRequest)
				.authenticationRequestUri(this.requestUri)
				.build();
		}

	}

}

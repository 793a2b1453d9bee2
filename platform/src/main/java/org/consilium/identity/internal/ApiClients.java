package org.consilium.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.consilium.audit.AuditEntry;
import org.consilium.audit.AuditLog;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Component;

/**
 * A tenant's API clients for the authorization server. A client exists only on its
 * tenant's hosts: the lookup runs in the current site's partition, so another tenant's
 * client id is unknown here. Client credentials only; access tokens are signed JWTs valid
 * for ten minutes.
 */
@Component
class ApiClients implements RegisteredClientRepository {

	static final Duration TOKEN_LIFETIME = Duration.ofMinutes(10);

	/** The scopes the API understands. */
	static final List<String> SCOPES = List.of("cases.read");

	private final JdbcTemplate jdbc;

	private final Partitions partitions;

	private final PasswordEncoder encoder;

	private final AuditLog audit;

	private final Clock clock;

	ApiClients(JdbcTemplate jdbc, Partitions partitions, PasswordEncoder encoder, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.partitions = partitions;
		this.encoder = encoder;
		this.audit = audit;
		this.clock = clock;
	}

	/** Registers a client in the current partition. @return its id */
	UUID register(String clientId, String secret, String name, List<String> scopes) {
		if (!SCOPES.containsAll(scopes)) {
			throw new IllegalArgumentException("Unknown scope in " + scopes + "; known: " + SCOPES);
		}
		UUID id = UUID.randomUUID();
		this.partitions.inCurrentSite(() -> {
			this.jdbc.update(
					"insert into api_client (tenant_id, id, client_id, client_secret_hash, name, scopes, created_at) "
							+ "values (current_setting('app.tenant_id'), ?, ?, ?, ?, ?, ?)",
					id, clientId, this.encoder.encode(secret), name, String.join(" ", scopes),
					java.sql.Timestamp.from(this.clock.instant()));
			this.audit.record(
					AuditEntry.of("API_CLIENT_REGISTERED").subject("api-client", clientId).details(scopes.toString()));
			return null;
		});
		return id;
	}

	boolean exists(String clientId) {
		return findByClientId(clientId) != null;
	}

	@Override
	public void save(RegisteredClient registeredClient) {
		throw new UnsupportedOperationException("API clients are registered through ApiClients.register");
	}

	@Override
	public RegisteredClient findById(String id) {
		UUID uuid;
		try {
			uuid = UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
		return find("id = ?", uuid).orElse(null);
	}

	@Override
	public RegisteredClient findByClientId(String clientId) {
		return find("client_id = ?", clientId).orElse(null);
	}

	private Optional<RegisteredClient> find(String where, Object value) {
		return this.partitions.inCurrentSite(() -> this.jdbc
			.query("select id, client_id, client_secret_hash, name, scopes from api_client where status = 'ACTIVE' and "
					+ where,
					(row, n) -> client(row.getString("id"), row.getString("client_id"),
							row.getString("client_secret_hash"), row.getString("name"), row.getString("scopes")),
					value)
			.stream()
			.findFirst());
	}

	private static RegisteredClient client(String id, String clientId, String secretHash, String name, String scopes) {
		return RegisteredClient.withId(id)
			.clientId(clientId)
			.clientSecret(secretHash)
			.clientName(name)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.scopes((granted) -> granted
				.addAll(Arrays.stream(scopes.split(" ")).filter((scope) -> !scope.isBlank()).toList()))
			.tokenSettings(TokenSettings.builder()
				.accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
				.accessTokenTimeToLive(TOKEN_LIFETIME)
				.build())
			.build();
	}

}

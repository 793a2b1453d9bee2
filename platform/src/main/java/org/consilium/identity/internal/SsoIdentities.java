package org.consilium.identity.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.consilium.tenant.TenantId;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which account an identity provider's subject is: keyed by the provider's entity id and
 * the NameID it asserts, never by an e-mail address (which the provider may reassign, and
 * which another provider could claim). Used inside the sign-in's transaction.
 */
@Component
class SsoIdentities {

	private final JdbcTemplate jdbc;

	SsoIdentities(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	Optional<UUID> find(TenantId tenant, String idpEntityId, String nameId) {
		return this.jdbc
			.queryForList("select user_id from sso_identity where tenant_id = ? and idp_entity_id = ? and name_id = ?",
					UUID.class, tenant.value(), idpEntityId, nameId)
			.stream()
			.findFirst();
	}

	void link(TenantId tenant, String idpEntityId, String nameId, UUID userId, Instant now) {
		this.jdbc.update(
				"insert into sso_identity (tenant_id, idp_entity_id, name_id, user_id, created_at) values (?, ?, ?, ?, ?)",
				tenant.value(), idpEntityId, nameId, userId, Timestamp.from(now));
	}

}

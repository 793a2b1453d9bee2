package org.consilium.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import org.consilium.tenant.TenantId;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * One use per assertion: Spring Security does not enforce it, so an intercepted (or
 * re-posted) response would otherwise sign in again until it expires. Each assertion id
 * is recorded in the sign-in's own transaction, until its NotOnOrAfter; a second use
 * finds it and is refused. Expired entries go when the next one of the tenant arrives.
 * <p>
 * Deliberately on the system clock, not the application's: OpenSAML 4.0.1 judges
 * NotOnOrAfter by {@code Instant.now()}, and an entry must never be forgotten while the
 * validator would still accept its assertion (hence also the clock skew).
 */
@Component
class SamlReplayCache {

	private final JdbcTemplate jdbc;

	private final Clock samlClock = Clock.systemUTC();

	SamlReplayCache(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records the assertion as used; call inside the sign-in's transaction, in the
	 * tenant's partition.
	 * @return false if it was used before
	 */
	boolean firstUse(TenantId tenant, String assertionId, Instant notOnOrAfter) {
		Instant forgettable = this.samlClock.instant().minus(SamlAssertionValidator.CLOCK_SKEW);
		this.jdbc.update("delete from saml_assertion_seen where tenant_id = ? and expires_at < ?", tenant.value(),
				Timestamp.from(forgettable));
		return this.jdbc.update(
				"insert into saml_assertion_seen (tenant_id, assertion_id, expires_at) "
						+ "values (?, ?, ?) on conflict do nothing",
				tenant.value(), assertionId, Timestamp.from(notOnOrAfter)) == 1;
	}

}

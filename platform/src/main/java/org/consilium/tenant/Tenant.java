package org.consilium.tenant;

import java.time.Instant;
import java.util.Optional;

import org.consilium.tenantconfig.TenantConfig;

/**
 * A tenant as the platform runs it: its validated configuration, the stored version it
 * came from, whether it is active, and since when its earlier sessions and API tokens are
 * void (set by a suspension; null if never).
 */
public record Tenant(TenantId id, TenantConfig config, int version, Status status, Instant signedOutAt) {

	public Tenant(TenantId id, TenantConfig config, int version, Status status) {
		this(id, config, version, status, null);
	}

	public boolean isActive() {
		return this.status == Status.ACTIVE;
	}

	/**
	 * Whether a session or token made at {@code instant} predates the tenant's last
	 * suspension, so must not be honoured even though the tenant is active again.
	 */
	public boolean signedOutAfter(Instant instant) {
		return Optional.ofNullable(this.signedOutAt).map((at) -> !instant.isAfter(at)).orElse(false);
	}

	public enum Status {

		ACTIVE, SUSPENDED

	}

}

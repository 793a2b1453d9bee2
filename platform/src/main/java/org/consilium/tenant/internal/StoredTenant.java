package org.consilium.tenant.internal;

import java.time.Instant;
import java.util.Map;

import org.consilium.tenant.Tenant;

/**
 * A tenant's current configuration as stored in the catalog, not yet parsed.
 */
record StoredTenant(String tenantId, Tenant.Status status, int version, String fingerprint, String sourceName,
		String sourceYaml, Map<String, byte[]> assets, Instant signedOutAt) {

}

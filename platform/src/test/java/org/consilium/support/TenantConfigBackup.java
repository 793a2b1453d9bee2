package org.consilium.support;

import org.consilium.tenant.TenantId;
import org.consilium.tenant.TenantVersions;
import org.consilium.tenant.TenantVersions.Origin;
import org.consilium.tenant.TenantVersions.StoredVersion;

/**
 * A programme's configuration as a test found it, put back (as a new version with the
 * same content) when the test is done, so tests that change a programme in the console
 * leave it as every other test expects it.
 */
public final class TenantConfigBackup {

	private final TenantVersions versions;

	private final TenantId tenant;

	private final StoredVersion original;

	private TenantConfigBackup(TenantVersions versions, TenantId tenant) {
		this.versions = versions;
		this.tenant = tenant;
		this.original = versions.current(tenant);
	}

	public static TenantConfigBackup take(TenantVersions versions, TenantId tenant) {
		return new TenantConfigBackup(versions, tenant);
	}

	public StoredVersion original() {
		return this.original;
	}

	public void restore() {
		StoredVersion now = this.versions.current(this.tenant);
		this.versions.save(this.tenant, now.version(), this.original.yaml(), this.original.assets(), Origin.CONSOLE,
				"test", "put back");
	}

}

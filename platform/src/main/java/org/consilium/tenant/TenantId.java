package org.consilium.tenant;

import java.util.regex.Pattern;

/**
 * The id of a tenant: its slug, which is also the {@code tenant_id} of every tenant-owned
 * row. {@link #PLATFORM} is the operator's own partition (platform-level audit events),
 * never a tenant.
 */
public record TenantId(String value) {

	private static final Pattern SLUG = Pattern.compile("[a-z][a-z0-9-]{0,30}[a-z0-9]");

	private static final String PLATFORM_VALUE = "_platform";

	/** The operator's partition; no tenant's data is ever stored under it. */
	public static final TenantId PLATFORM = new TenantId(PLATFORM_VALUE);

	public TenantId {
		if (value == null || !(SLUG.matcher(value).matches() || PLATFORM_VALUE.equals(value))) {
			throw new IllegalArgumentException("Not a tenant id: " + value);
		}
	}

	public static TenantId of(String value) {
		return new TenantId(value);
	}

	public boolean isPlatform() {
		return PLATFORM_VALUE.equals(this.value);
	}

	@Override
	public String toString() {
		return this.value;
	}

}

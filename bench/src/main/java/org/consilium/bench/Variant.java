package org.consilium.bench;

import org.consilium.tenant.TenantId;

/**
 * One way of listing a tenant's newest cases.
 */
interface Variant {

	/** Short key used in tables: a, b, c, ... */
	String key();

	String description();

	/** Runs the query once and returns how many rows came back. */
	int newestCases(TenantId tenant, int limit);

}

/**
 * The tenancy boundary: which programme a request belongs to (from its host only), the
 * one holder of the current tenant, the tenant catalog loaded from tenant-config, and the
 * persistence plumbing that makes PostgreSQL row-level security see the same tenant as
 * Hibernate.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Tenancy")
package org.consilium.tenant;

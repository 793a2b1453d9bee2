/**
 * The operator's programmes: a platform admin creates a programme (tenant) with its first
 * admin, and suspends or reactivates one. Catalog rows only, never DDL.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Programmes")
package org.consilium.programmes;

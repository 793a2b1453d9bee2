/**
 * Infrastructure every module relies on: creating the database and its roles, the
 * connection pool, and refusing to run with a database role that could bypass row-level
 * security.
 */
@org.springframework.modulith.ApplicationModule(displayName = "System")
package org.consilium.system;

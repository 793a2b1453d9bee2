/**
 * The tenant admin console: pages where a programme's own administrators manage it on its
 * site (for now the eligibility census), built on the owning modules' public APIs.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Tenant admin console")
package org.consilium.admin;

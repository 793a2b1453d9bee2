/**
 * The operator's specialists: a platform-level directory (not tenant-owned) that every
 * tenant's programme draws on through its specialist pools. Patients search it when they
 * ask for a named specialist; triage ranks it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Specialists")
package org.consilium.specialists;

/**
 * The case: the tenant-owned aggregate every later step (intake, records, triage, review,
 * delivery, billing) works on. For now a case exists as a DRAFT; the one state machine
 * grows here.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Cases")
package org.consilium.cases;

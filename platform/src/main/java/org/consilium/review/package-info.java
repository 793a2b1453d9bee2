/**
 * The rest of a case's life after intake, across tenants: triage to a specialist, the
 * specialist's review and opinion, radiology and pathology re-reads, second reads and
 * approval, and delivery of the approved opinion to the doctor and patient. Operator
 * users work on the operator site, each case inside its own tenant's partition (decision
 * 015).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Review")
package org.consilium.review;

/**
 * The append-only, hash-chained audit log: who did what to which subject, when and from
 * where, per tenant partition. The application role may insert and read, never update or
 * delete.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package org.consilium.audit;

/**
 * Medical records of a case: streamed uploads checked by content, encrypted at rest, read
 * back only by the case's readers with their integrity verified and every read audited.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Records")
package org.consilium.records;

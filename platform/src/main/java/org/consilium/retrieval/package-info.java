/**
 * Records retrieval: where the programme offers it, the patient authorises a records
 * partner to collect their records from named facilities; staff follow the request until
 * the partner is done. Nothing here marks records as received on its own.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Records retrieval")
package org.consilium.retrieval;

package org.consilium.retrieval.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The records-retrieval partner, platform-wide.
 *
 * @param partnerEmail where request letters (their links) are e-mailed
 * @param linkValidity how long a letter link may be opened
 */
@ConfigurationProperties("consilium.retrieval")
record RetrievalProperties(@DefaultValue("requests@retrieval.example") String partnerEmail,
		@DefaultValue("14d") Duration linkValidity) {

}

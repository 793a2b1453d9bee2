package org.consilium.cases;

import java.time.Instant;
import java.util.Map;

/**
 * One line of a case's timeline.
 *
 * @param what the message key under {@code timeline.}
 */
public record TimelineEntry(Instant occurredAt, String actor, String what, Map<String, String> args) {

}

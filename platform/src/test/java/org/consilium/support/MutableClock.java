package org.consilium.support;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock tests can set, so time-dependent behaviour (open now, turnaround) is asserted
 * exactly.
 */
public class MutableClock extends Clock {

	private volatile Instant now = Instant.parse("2026-11-30T15:00:00Z");

	public void set(Instant instant) {
		this.now = instant;
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

	@Override
	public Instant instant() {
		return this.now;
	}

}

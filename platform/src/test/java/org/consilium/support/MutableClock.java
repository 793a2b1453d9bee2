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

	static final Instant START = Instant.parse("2026-11-30T15:00:00Z");

	private volatile Instant now = START;

	public void set(Instant instant) {
		this.now = instant;
	}

	public void advance(java.time.Duration duration) {
		this.now = this.now.plus(duration);
	}

	/** Back to the start; done before every test. */
	public void reset() {
		this.now = START;
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

package org.consilium.tenantconfig;

import java.time.LocalTime;

/**
 * A half-open range of local time, {@code [from, to)}, within one day.
 */
public record TimeRange(LocalTime from, LocalTime to) {

	public TimeRange {
		if (!from.isBefore(to)) {
			throw new IllegalArgumentException("must end after it starts");
		}
	}

	public boolean contains(LocalTime time) {
		return !time.isBefore(this.from) && time.isBefore(this.to);
	}

	@Override
	public String toString() {
		return this.from + "-" + this.to;
	}

}

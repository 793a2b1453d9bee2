package org.consilium.physician.internal;

import java.time.Instant;
import java.util.List;

/**
 * The doctor's part of a case as shown.
 */
public record DoctorReport(String history, String diagnosis, List<String> questions, Instant completedAt) {

	public static DoctorReport empty() {
		return new DoctorReport(null, null, List.of(), null);
	}

}

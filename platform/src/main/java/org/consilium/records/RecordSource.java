package org.consilium.records;

import org.consilium.identity.ConsiliumUser;
import org.consilium.tenantconfig.Role;

/** Who sent a record in, from the uploader's role. */
public enum RecordSource {

	PATIENT, DOCTOR, STAFF, RETRIEVAL_PARTNER;

	/** Staff roles win over others: a coordinator who is also a patient logs as staff. */
	public static RecordSource of(ConsiliumUser user) {
		if (user.has(Role.CASE_COORDINATOR) || user.has(Role.TENANT_ADMIN)) {
			return STAFF;
		}
		if (user.has(Role.REFERRING_PHYSICIAN)) {
			return DOCTOR;
		}
		return PATIENT;
	}

}

package org.consilium.cases;

import org.springframework.security.access.prepost.PreAuthorize;

/**
 * The accounts a case is for, for modules that must reach or recognise them (delivering
 * the opinion to the doctor and the patient).
 */
public interface CaseParties {

	/**
	 * @throws CaseNotFoundException if the caller cannot see the case
	 */
	@PreAuthorize("isAuthenticated()")
	Parties of(CaseId caseId);

	/**
	 * @param physicianUserId the doctor taking part in the case, or null
	 */
	record Parties(String patientId, String physicianUserId) {

		public boolean hasPhysician() {
			return this.physicianUserId != null;
		}

		public boolean isPatient(String userId) {
			return this.patientId.equals(userId);
		}

		public boolean isPhysician(String userId) {
			return userId != null && userId.equals(this.physicianUserId);
		}

	}

}

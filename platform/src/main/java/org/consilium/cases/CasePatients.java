package org.consilium.cases;

import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Whose case it is, for modules that match a case to people by the patient's profile
 * (language, country) without reading the case's health information.
 */
public interface CasePatients {

	/**
	 * @return the account id of the case's patient in the current tenant
	 * @throws CaseNotFoundException if the caller may not read the case
	 */
	@PreAuthorize("isAuthenticated()")
	String patientOf(CaseId id);

}

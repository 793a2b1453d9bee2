package org.consilium.cases.internal;

import org.consilium.cases.CaseId;
import org.consilium.cases.CaseNotFoundException;
import org.consilium.cases.CasePatients;
import org.consilium.identity.CurrentUser;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The patient of a case, for whoever may read the case.
 */
@Service
@Transactional(readOnly = true)
class CasePatientLookup implements CasePatients {

	private final MedicalCaseRepository cases;

	private final CaseVisibility visibility;

	CasePatientLookup(MedicalCaseRepository cases, CaseVisibility visibility) {
		this.cases = cases;
		this.visibility = visibility;
	}

	@Override
	public String patientOf(CaseId id) {
		return this.cases.findById(id.value())
			.filter((c) -> this.visibility.canRead(c, CurrentUser.find()))
			.map(MedicalCase::patientId)
			.orElseThrow(() -> new CaseNotFoundException(id));
	}

}

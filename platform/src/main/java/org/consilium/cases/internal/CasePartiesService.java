package org.consilium.cases.internal;

import org.consilium.cases.CaseId;
import org.consilium.cases.CaseNotFoundException;
import org.consilium.cases.CaseParties;
import org.consilium.identity.CurrentUser;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The parties of a case, for whoever may read it. */
@Service
@Transactional(readOnly = true)
class CasePartiesService implements CaseParties {

	private final MedicalCaseRepository cases;

	private final CaseVisibility visibility;

	CasePartiesService(MedicalCaseRepository cases, CaseVisibility visibility) {
		this.cases = cases;
		this.visibility = visibility;
	}

	@Override
	public Parties of(CaseId caseId) {
		MedicalCase medicalCase = this.cases.findById(caseId.value())
			.filter((c) -> this.visibility.canRead(c, CurrentUser.find()))
			.orElseThrow(() -> new CaseNotFoundException(caseId));
		return new Parties(medicalCase.patientId(), medicalCase.physicianUserId());
	}

}

package org.consilium.cases.internal;

import java.util.Optional;

import org.consilium.cases.CaseAccess;
import org.consilium.cases.CaseClosedException;
import org.consilium.cases.CaseId;
import org.consilium.cases.CaseNotFoundException;
import org.consilium.cases.CaseReference;
import org.consilium.cases.CaseSummary;
import org.consilium.identity.ConsiliumUser;
import org.consilium.identity.CurrentUser;
import org.consilium.tenantconfig.Role;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The case access rules in one place.
 */
@Service
@Transactional(readOnly = true)
class CaseAccessService implements CaseAccess {

	private final MedicalCaseRepository cases;

	private final CaseVisibility visibility;

	CaseAccessService(MedicalCaseRepository cases, CaseVisibility visibility) {
		this.cases = cases;
		this.visibility = visibility;
	}

	@Override
	public CaseSummary requireRead(CaseId id) {
		return readable(id).summary();
	}

	@Override
	public CaseSummary requireRead(CaseReference reference) {
		CaseId id = this.cases.findByReference(reference.value())
			.map(MedicalCase::id)
			.orElseThrow(() -> new CaseNotFoundException(reference.value()));
		return requireRead(id);
	}

	@Override
	public CaseSummary requireContribute(CaseId id) {
		MedicalCase medicalCase = readable(id);
		if (!medicalCase.isOpen()) {
			throw new CaseClosedException(id);
		}
		return medicalCase.summary();
	}

	private MedicalCase readable(CaseId id) {
		Optional<ConsiliumUser> user = CurrentUser.find();
		return this.cases.findById(id.value())
			.filter((c) -> this.visibility.canRead(c, user))
			.orElseThrow(() -> new CaseNotFoundException(id));
	}

	static boolean seesAll(ConsiliumUser user) {
		return user.has(Role.CASE_COORDINATOR) || user.has(Role.TENANT_ADMIN);
	}

}

package org.consilium.cases.internal;

import org.consilium.cases.CaseNotFoundException;
import org.consilium.cases.CaseStatus;
import org.consilium.cases.CaseStatusChanged;
import org.consilium.cases.PatientNotices;
import org.consilium.tenant.TenantContext;
import org.consilium.tenantconfig.NotificationKind;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.util.Assert;

/**
 * Tells the patient their case is closed, through the outbox in the transaction that
 * closed it: a link to the case on the programme's site (the closing step may run on no
 * site at all, e.g. a payment webhook), never what it holds.
 */
@Component
class CaseClosedNotices {

	private final MedicalCaseRepository cases;

	private final PatientNotices notices;

	CaseClosedNotices(MedicalCaseRepository cases, PatientNotices notices) {
		this.cases = cases;
		this.notices = notices;
	}

	@EventListener
	void closed(CaseStatusChanged changed) {
		if (changed.to() != CaseStatus.CLOSED) {
			return;
		}
		Assert.state(changed.tenant().equals(TenantContext.current()),
				() -> "Case event of " + changed.tenant() + " in another tenant");
		String patientId = this.cases.findById(changed.caseId().value())
			.orElseThrow(() -> new CaseNotFoundException(changed.caseId()))
			.patientId();
		this.notices.send(NotificationKind.CASE_CLOSED, patientId, "cases/" + changed.reference().value());
	}

}

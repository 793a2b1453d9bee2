package org.consilium.physician.internal;

import java.util.Optional;

import org.consilium.cases.CaseAccess;
import org.consilium.cases.CaseId;
import org.consilium.physician.DoctorHistory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The doctor's part of a case for whoever may read the case (checked here and by
 * row-level security).
 */
@Service
@Transactional(readOnly = true)
class DoctorHistoryService implements DoctorHistory {

	private final CaseAccess access;

	private final PhysicianReportRepository reports;

	DoctorHistoryService(CaseAccess access, PhysicianReportRepository reports) {
		this.access = access;
		this.reports = reports;
	}

	@Override
	public Optional<Report> forCase(CaseId caseId) {
		this.access.requireRead(caseId);
		return this.reports.findById(caseId.value()).map(PhysicianReport::view).map(DoctorHistoryService::report);
	}

	private static Report report(DoctorReport report) {
		return new Report(report.history(), report.diagnosis(), report.questions(), report.completedAt());
	}

}

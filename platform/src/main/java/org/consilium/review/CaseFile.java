package org.consilium.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.consilium.cases.Assignment;
import org.consilium.cases.CaseDetails;
import org.consilium.cases.Turnaround;
import org.consilium.physician.DoctorHistory;
import org.consilium.records.RecordSummary;

/**
 * What a specialist reads to write the opinion: the intake, the referring doctor's
 * history and questions, the records, and the caller's own open assignments on the case.
 *
 * @param programme the tenant's display name
 * @param standing the case against its due date, or null where there is none
 * @param doctor what the referring doctor wrote, or null if nothing
 * @param assignments the caller's open assignments on the case
 */
public record CaseFile(CaseKey key, String programme, CaseDetails details, Turnaround.Standing standing,
		DoctorHistory.Report doctor, List<RecordSummary> records, List<Assignment> assignments) {

	public CaseFile {
		records = List.copyOf(records);
		assignments = List.copyOf(assignments);
	}

	/** The questions the opinion answers: the patient's, then the doctor's. */
	public List<String> questions() {
		List<String> questions = new ArrayList<>(this.details.request().questions());
		if (this.doctor != null) {
			questions.addAll(this.doctor.questions());
		}
		return List.copyOf(questions);
	}

	/** The caller's open assignment for the task, if any. */
	public Optional<Assignment> assignment(Assignment.Task task) {
		return this.assignments.stream().filter((a) -> a.task() == task).findFirst();
	}

}

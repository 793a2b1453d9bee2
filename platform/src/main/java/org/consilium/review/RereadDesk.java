package org.consilium.review;

import java.util.List;

import org.consilium.cases.CaseId;
import org.consilium.records.RecordSummary;

/**
 * What a radiologist or pathologist needs to do their re-reads of a case: what the case
 * asks, their open re-reads (with the requester's note) and the case's records.
 *
 * @param questions the patient's questions, as asked
 * @param rereads the caller's open re-reads of the case, oldest first
 */
public record RereadDesk(CaseId caseId, CaseKey key, String specialty, List<String> questions, List<Reread> rereads,
		List<RecordSummary> records) {

	public RereadDesk {
		questions = List.copyOf(questions);
		rereads = List.copyOf(rereads);
		records = List.copyOf(records);
	}

}

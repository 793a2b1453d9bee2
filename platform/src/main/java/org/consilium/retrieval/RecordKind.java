package org.consilium.retrieval;

import java.util.Locale;

/**
 * What the partner asks the facilities for. Free text adds anything these do not name.
 */
public enum RecordKind {

	VISIT_NOTES, DISCHARGE_SUMMARIES, LAB_RESULTS, IMAGING_REPORTS, IMAGING_STUDIES, PATHOLOGY_REPORTS,
	PATHOLOGY_SLIDES, OPERATIVE_REPORTS, MEDICATION_LIST;

	/** The message key suffix, e.g. {@code imaging-studies}. */
	public String key() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}

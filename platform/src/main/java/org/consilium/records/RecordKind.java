package org.consilium.records;

/** What a record is. */
public enum RecordKind {

	MEDICAL_RECORD, PATHOLOGY, RADIOLOGY

}

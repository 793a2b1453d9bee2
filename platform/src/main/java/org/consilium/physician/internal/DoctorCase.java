package org.consilium.physician.internal;

import org.consilium.cases.CaseId;
import org.consilium.cases.CaseReference;
import org.consilium.cases.CaseStatus;

/**
 * A case as the doctor's pages show it, to its patient, its doctor or staff.
 *
 * @param asDoctor whether the viewer is the case's doctor
 */
public record DoctorCase(CaseId id, CaseReference reference, CaseStatus status, String patientName, boolean asDoctor) {

}

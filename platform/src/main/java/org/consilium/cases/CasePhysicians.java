package org.consilium.cases;

/**
 * For the local-doctor module: linking the invited doctor to a case and recording that
 * their part is done. Callers check the invitation; this API trusts them.
 */
public interface CasePhysicians {

	/**
	 * The patient has invited their doctor (by name, for the patient's case page); a new
	 * invitation replaces the previous one.
	 */
	void physicianInvited(CaseId id, String doctorName);

	/** The signed-in doctor now takes part in the case (reads it, adds records). */
	void attachPhysician(CaseId id, String physicianUserId);

	/**
	 * The doctor has given their history and materials list; the case moves on if it
	 * waited for it.
	 */
	void physicianCompleted(CaseId id);

}

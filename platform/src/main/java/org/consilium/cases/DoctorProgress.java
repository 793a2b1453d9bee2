package org.consilium.cases;

import java.time.Instant;

/**
 * Where the local doctor is in their part of the case, as the patient sees it.
 *
 * @param invitedName the doctor the patient last invited, if any
 * @param invitedAt when that invitation went out
 * @param joined the doctor has signed in through the invitation and takes part
 * @param completedAt when the doctor gave their history and materials list
 */
public record DoctorProgress(String invitedName, Instant invitedAt, boolean joined, Instant completedAt) {

	public static final DoctorProgress NONE = new DoctorProgress(null, null, false, null);

	public Stage stage() {
		if (this.completedAt != null) {
			return Stage.COMPLETED;
		}
		if (this.joined) {
			return Stage.JOINED;
		}
		return (this.invitedAt != null) ? Stage.INVITED : Stage.NOT_INVITED;
	}

	/** The doctor's part, in order. */
	public enum Stage {

		NOT_INVITED, INVITED, JOINED, COMPLETED

	}

}

package org.consilium.physician.internal;

import java.time.Instant;

/**
 * Where the local doctor is with a case, as the patient sees it.
 *
 * @param state NONE (nobody invited yet), INVITED, EXPIRED (the last link ran out
 * unused), JOINED or COMPLETED
 */
public record DoctorStatus(State state, String doctorName, String doctorEmail, Instant invitedAt, Instant joinedAt,
		Instant completedAt) {

	public static final DoctorStatus NONE = new DoctorStatus(State.NONE, null, null, null, null, null);

	/** Whether a (new) invitation can still be sent: nobody has joined yet. */
	public boolean canInvite() {
		return this.state == State.NONE || this.state == State.INVITED || this.state == State.EXPIRED;
	}

	public enum State {

		NONE, INVITED, EXPIRED, JOINED, COMPLETED

	}

}

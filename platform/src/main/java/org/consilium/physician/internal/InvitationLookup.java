package org.consilium.physician.internal;

import org.consilium.cases.CaseReference;

/**
 * What an invitation link shows before anyone signs in: whether it can be used, and if so
 * to whom it was sent (the address is prefilled), for which case reference.
 */
public record InvitationLookup(InvitationState state, String doctorName, String doctorEmail, String practice,
		CaseReference caseReference) {

	static InvitationLookup of(InvitationState state) {
		return new InvitationLookup(state, null, null, null, null);
	}

	public boolean valid() {
		return this.state == InvitationState.VALID;
	}

}

package org.consilium.physician.ui;

import org.consilium.physician.internal.InvitationState;

/**
 * An invitation link that cannot be used (expired, used, revoked, unknown here).
 */
class InvitationUnavailableException extends RuntimeException {

	private final InvitationState state;

	InvitationUnavailableException(InvitationState state) {
		super("Invitation link " + state);
		this.state = state;
	}

	InvitationState state() {
		return this.state;
	}

}

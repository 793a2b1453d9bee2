package org.consilium.physician.internal;

/**
 * Where an invitation link leads. Another tenant's token is {@link #UNKNOWN} on this
 * site: the lookup never leaves the current tenant.
 */
public enum InvitationState {

	VALID, EXPIRED, USED, REVOKED, UNKNOWN

}

package org.consilium.tenant;

import java.util.Optional;

/**
 * Who the database should limit the current transaction to, beyond its tenant: the
 * account id of a cross-tenant actor whose view is limited to the cases assigned to them
 * (specialists, approvers), or empty for everyone else. Decided by the server from the
 * authenticated principal, never from the request; row-level security reads it as
 * {@code app.actor_id} (decision 015).
 */
public interface DatabaseActor {

	Optional<String> limitedTo();

}

package org.consilium.physician.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/**
 * Invitations of the current tenant (Hibernate's tenant filter, and RLS below it).
 */
interface InvitationRepository extends JpaRepository<Invitation, UUID> {

	Optional<Invitation> findByTokenHash(String tokenHash);

	List<Invitation> findByCaseIdOrderByCreatedAtDesc(UUID caseId);

	List<Invitation> findByAcceptedByOrderByAcceptedAtDesc(String acceptedBy);

	Optional<Invitation> findFirstByCaseReferenceAndAcceptedBy(String caseReference, String acceptedBy);

	/**
	 * Uses the invitation once: only an unused, unrevoked, unexpired one changes. Of two
	 * concurrent uses, the second waits for the first's row lock and then matches
	 * nothing.
	 * @return 1 if this call used it, 0 otherwise
	 */
	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("update Invitation i set i.acceptedAt = :now, i.acceptedBy = :user where i.id = :id "
			+ "and i.acceptedAt is null and i.revokedAt is null and i.expiresAt > :now")
	int accept(UUID id, String user, Instant now);

}

package org.consilium.retrieval.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface RetrievalRequestRepository extends JpaRepository<RetrievalRequestEntry, UUID> {

	List<RetrievalRequestEntry> findByCaseIdOrderBySignedAtDesc(UUID caseId);

	Optional<RetrievalRequestEntry> findByLetterTokenHash(String letterTokenHash);

}

package org.consilium.cases.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface CaseTimelineRepository extends JpaRepository<CaseTimelineEntry, UUID> {

	List<CaseTimelineEntry> findByCaseIdOrderByOccurredAtAscSeqAsc(UUID caseId);

}

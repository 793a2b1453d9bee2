package org.consilium.cases.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface CaseMaterialRepository extends JpaRepository<CaseMaterialEntry, UUID> {

	List<CaseMaterialEntry> findByCaseIdOrderByPositionAsc(UUID caseId);

}

package org.consilium.records.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CaseRecordRepository extends JpaRepository<CaseRecord, UUID> {

	List<CaseRecord> findByCaseIdOrderByUploadedAtAsc(UUID caseId);

	Optional<CaseRecord> findByIdAndCaseId(UUID id, UUID caseId);

	@Query("select coalesce(sum(r.size), 0) from CaseRecord r where r.caseId = :caseId")
	long totalSize(UUID caseId);

	@Query("select r from CaseRecord r where r.translationNeeded = true and r.translatedAt is null "
			+ "order by r.uploadedAt asc")
	List<CaseRecord> awaitingTranslation();

}

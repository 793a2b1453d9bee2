package org.consilium.cases.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Cases of the current tenant. Hibernate adds the tenant to every query; row-level
 * security guards the same boundary in the database, for {@code findById} too.
 */
interface MedicalCaseRepository extends JpaRepository<MedicalCase, UUID> {

	Optional<MedicalCase> findByReference(String reference);

	List<MedicalCase> findAllByOrderByCreatedAtDesc(Limit limit);

	List<MedicalCase> findByPatientIdOrderByCreatedAtDesc(String patientId, Limit limit);

	boolean existsByReference(String reference);

	List<MedicalCase> findByStatusInOrderByDueOnAscCreatedAtAsc(
			java.util.Collection<org.consilium.cases.CaseStatus> statuses, Limit limit);

}

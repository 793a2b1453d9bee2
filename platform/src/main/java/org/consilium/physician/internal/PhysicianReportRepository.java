package org.consilium.physician.internal;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface PhysicianReportRepository extends JpaRepository<PhysicianReport, UUID> {

}

package org.consilium.identity.internal;

import org.springframework.data.jpa.repository.JpaRepository;

interface PatientProfileRepository extends JpaRepository<PatientProfile, String> {

}

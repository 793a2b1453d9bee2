package org.consilium.physician.internal;

import org.springframework.data.jpa.repository.JpaRepository;

interface PhysicianProfileRepository extends JpaRepository<PhysicianProfile, String> {

}

package org.consilium.identity.internal;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;

interface AccountTokenRepository extends JpaRepository<AccountToken, UUID> {

	@Lock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
	Optional<AccountToken> findByTokenHash(String tokenHash);

}

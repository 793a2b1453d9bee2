package org.consilium.notify.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface InAppNoticeRepository extends JpaRepository<InAppNoticeEntity, UUID> {

	List<InAppNoticeEntity> findByUserIdOrderByCreatedAtDesc(String userId, Limit limit);

	long countByUserIdAndReadAtIsNull(String userId);

	@Modifying
	@Query("update InAppNoticeEntity n set n.readAt = :now where n.userId = :userId and n.readAt is null")
	int markAllRead(String userId, java.time.Instant now);

}

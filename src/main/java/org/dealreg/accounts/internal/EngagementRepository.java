package org.dealreg.accounts.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface EngagementRepository extends JpaRepository<EngagementEntity, UUID> {

    List<EngagementEntity> findByAccountIdAndEndedOnIsNull(UUID accountId);
}

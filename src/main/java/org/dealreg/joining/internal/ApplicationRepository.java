package org.dealreg.joining.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface ApplicationRepository extends JpaRepository<PartnerApplication, UUID> {

    long countByStatus(ApplicationStatus status);

    /** A page of them, without Spring Data's count: {@code Paging.page} counts first. */
    List<PartnerApplication> findByStatus(ApplicationStatus status, Pageable page);

    List<PartnerApplication> findTop20ByStatusNotOrderByDecidedAtDesc(ApplicationStatus status);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from PartnerApplication a where a.id = ?1")
    Optional<PartnerApplication> lockById(UUID id);

    boolean existsByPartnerIdAndStatus(UUID partnerId, ApplicationStatus status);

    boolean existsByStatusAndContactEmailIgnoreCase(ApplicationStatus status, String email);
}

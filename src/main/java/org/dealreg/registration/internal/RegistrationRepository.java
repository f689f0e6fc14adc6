package org.dealreg.registration.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.dealreg.registration.RegistrationStatus;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** Every read a partner can trigger names the partner, so another company's deal cannot leak: there is no bare findById. */
interface RegistrationRepository extends Repository<Registration, UUID> {

    Registration save(Registration registration);

    Optional<Registration> findByIdAndPartnerId(UUID id, UUID partnerId);

    Page<Registration> findByPartnerIdOrderBySubmittedAtDesc(UUID partnerId, Pageable pageable);

    /** Staff only ({@link JpaManagerReview}): any company's registration. */
    @Query("select r from Registration r where r.id = :id")
    Optional<Registration> findAnyCompanysById(UUID id);

    long countByPartnerIdAndStatusIn(UUID partnerId, Collection<RegistrationStatus> statuses);

    Page<Registration> findByPartnerIdAndStatusOrderBySubmittedAtDesc(UUID partnerId, RegistrationStatus status,
            Pageable pageable);
}

package org.dealreg.registration.internal;

import java.util.List;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** Every read a partner can trigger names the partner, so another company's deal cannot leak: there is no bare findById. */
interface RegistrationRepository extends Repository<Registration, UUID> {

    Registration save(Registration registration);

    Optional<Registration> findByIdAndPartnerId(UUID id, UUID partnerId);

    /** A page of the API's list, extension requests with them (one query, not one per registration). */
    @Query("select distinct r from Registration r left join fetch r.extensions where r.partnerId = :partnerId and r.id in :ids")
    List<Registration> findByPartnerIdAndIdIn(UUID partnerId, Collection<UUID> ids);

    /** Staff only ({@link JpaManagerReview}): any company's registration. */
    @Query("select r from Registration r where r.id = :id")
    Optional<Registration> findAnyCompanysById(UUID id);
}

package org.dealreg.partners.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface PartnerRepository extends JpaRepository<PartnerEntity, UUID> {

    @Query("select p from PartnerEntity p where lower(p.legalName) = lower(?1)")
    Optional<PartnerEntity> findByLegalName(String legalName);

    /** With their specialisations in the same query. */
    @Query("select distinct p from PartnerEntity p left join fetch p.specializationCodes where p.id in ?1")
    List<PartnerEntity> findAllWithSpecializations(Collection<UUID> ids);

    @Query("select p from PartnerEntity p order by p.status, lower(p.legalName)")
    List<PartnerEntity> findAllForManagers();
}

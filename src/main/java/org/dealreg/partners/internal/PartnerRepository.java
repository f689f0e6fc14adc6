package org.dealreg.partners.internal;

import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface PartnerRepository extends JpaRepository<PartnerEntity, UUID> {

    @Query("select p from PartnerEntity p where lower(p.legalName) = lower(?1)")
    Optional<PartnerEntity> findByLegalName(String legalName);
}

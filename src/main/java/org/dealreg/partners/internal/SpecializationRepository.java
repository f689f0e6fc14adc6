package org.dealreg.partners.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface SpecializationRepository extends JpaRepository<SpecializationEntity, String> {

    List<SpecializationEntity> findByActiveTrueOrderByNameEn();
}

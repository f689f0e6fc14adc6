package org.dealreg.partners.internal;

import org.springframework.data.jpa.repository.JpaRepository;

interface SpecializationRepository extends JpaRepository<SpecializationEntity, String> {
}

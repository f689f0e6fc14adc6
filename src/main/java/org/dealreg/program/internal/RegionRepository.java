package org.dealreg.program.internal;

import org.springframework.data.jpa.repository.JpaRepository;

interface RegionRepository extends JpaRepository<RegionEntity, String> {
}

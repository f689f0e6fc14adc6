package org.dealreg.program.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface RegionRepository extends JpaRepository<RegionEntity, String> {

    @Query(value = "select r.* from region r join region_country c on c.region_code = r.code where c.country = ?1",
            nativeQuery = true)
    Optional<RegionEntity> findByCountry(String country);

    List<RegionEntity> findAllByOrderByCode();
}

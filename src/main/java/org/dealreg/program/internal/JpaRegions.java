package org.dealreg.program.internal;

import java.util.List;
import java.util.Optional;

import org.dealreg.program.RegionView;
import org.dealreg.program.Regions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class JpaRegions implements Regions {

    private final RegionRepository repository;

    JpaRegions(RegionRepository repository) {
        this.repository = repository;
    }

    @Override
    public Optional<RegionView> find(String code) {
        return repository.findById(code).map(RegionEntity::view);
    }

    @Override
    public List<RegionView> all() {
        return repository.findAllByOrderByCode().stream().map(RegionEntity::view).toList();
    }

    @Override
    public Optional<RegionView> forCountry(String country) {
        return repository.findByCountry(country).map(RegionEntity::view);
    }
}

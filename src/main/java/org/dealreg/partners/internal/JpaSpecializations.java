package org.dealreg.partners.internal;

import java.util.List;
import java.util.Optional;

import org.dealreg.partners.SpecializationView;
import org.dealreg.partners.Specializations;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class JpaSpecializations implements Specializations {

    private final SpecializationRepository repository;

    JpaSpecializations(SpecializationRepository repository) {
        this.repository = repository;
    }

    @Override
    public List<SpecializationView> active() {
        return repository.findByActiveTrueOrderByNameEn().stream().map(SpecializationEntity::view).toList();
    }

    @Override
    public Optional<SpecializationView> find(String code) {
        return repository.findById(code).map(SpecializationEntity::view);
    }
}

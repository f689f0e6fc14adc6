package org.dealreg.program.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.dealreg.program.RegionView;
import org.dealreg.program.Regions;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class JpaRegions implements Regions {

    private final RegionRepository repository;
    private final JdbcTemplate jdbc;

    JpaRegions(RegionRepository repository, JdbcTemplate jdbc) {
        this.repository = repository;
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public Set<LocalDate> holidays(String code, LocalDate from) {
        return Set.copyOf(jdbc.queryForList("select day from region_holiday where region_code = ? and day >= ?",
                LocalDate.class, code, from));
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

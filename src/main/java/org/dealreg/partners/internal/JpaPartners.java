package org.dealreg.partners.internal;

import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.dealreg.partners.PartnerView;
import org.dealreg.partners.Partners;
import org.dealreg.partners.Tier;
import org.dealreg.program.Regions;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JpaPartners implements Partners {

    private final PartnerRepository repository;
    private final Regions regions;
    private final Clock clock;
    private final JdbcTemplate jdbc;

    JpaPartners(PartnerRepository repository, Regions regions, Clock clock, JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.repository = repository;
        this.regions = regions;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<PartnerView> find(UUID id) {
        return repository.findById(id).map(PartnerEntity::view);
    }

    @Override
    @Transactional(readOnly = true)
    public Set<UUID> idsInRegion(String regionCode) {
        return new HashSet<>(jdbc.queryForList("select id from partner where region_code = ?", UUID.class, regionCode));
    }

    @Override
    @Transactional(readOnly = true)
    public Map<UUID, PartnerView> findAll(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return repository.findAllWithSpecializations(ids).stream()
                .map(PartnerEntity::view).collect(Collectors.toMap(PartnerView::id, view -> view));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<PartnerView> findByLegalName(String legalName) {
        return repository.findByLegalName(legalName).map(PartnerEntity::view);
    }

    @Override
    @Transactional
    public void lock(UUID partnerId) {
        // "no key update" leaves the foreign-key checks of new registrations alone but waits for another submission
        jdbc.query("select id from partner where id = ? for no key update", rs -> { }, partnerId);
    }

    @Override
    @Transactional
    public PartnerView addActive(String legalName, String country, Tier tier, Set<String> specializationCodes) {
        String region = regions.forCountry(country)
                .orElseThrow(() -> new IllegalArgumentException("No region serves country " + country))
                .code();
        return repository.save(new PartnerEntity(legalName, country, region, tier, specializationCodes, clock.instant()))
                .view();
    }
}

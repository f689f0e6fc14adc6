package org.dealreg.partners.internal;

import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.dealreg.partners.PartnerStatus;
import org.dealreg.partners.PartnerView;
import org.dealreg.partners.PartnerSummary;
import org.dealreg.partners.Partners;
import org.dealreg.partners.Tier;
import org.dealreg.program.Regions;
import org.dealreg.shared.SearchText;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
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
    public Set<UUID> idsNamedLike(SearchText search) {
        if (search.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.queryForList("select id from partner where lower(legal_name) like ? escape '\\'",
                UUID.class, search.containedLowerCase()));
    }

    @Override
    @Transactional(readOnly = true)
    public List<PartnerSummary> summaries() {
        return jdbc.query("select id, legal_name, region_code, tier, status from partner order by lower(legal_name)",
                (rs, n) -> new PartnerSummary(rs.getObject("id", UUID.class), rs.getString("legal_name"),
                        rs.getString("region_code"), Tier.valueOf(rs.getString("tier")),
                        PartnerStatus.valueOf(rs.getString("status"))));
    }

    @Override
    @Transactional(readOnly = true)
    public Map<UUID, PartnerView> findAll(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return views(ids).stream().collect(Collectors.toMap(PartnerView::id, view -> view));
    }

    /**
     * Partners as pages show them, in one statement: read with SQL rather than as entities because a query with a
     * list of ids is translated by Hibernate anew on every call (a fifth of the review queue's CPU).
     */
    private List<PartnerView> views(Collection<UUID> ids) {
        return jdbc.query("""
                select p.id, p.legal_name, p.country, p.region_code, p.tier, p.status,
                       array(select s.specialization_code from partner_specialization s where s.partner_id = p.id) as codes
                from partner p where p.id = any(?)""",
                (rs, n) -> new PartnerView(rs.getObject("id", UUID.class), rs.getString("legal_name"),
                        rs.getString("country"), rs.getString("region_code"), Tier.valueOf(rs.getString("tier")),
                        PartnerStatus.valueOf(rs.getString("status")),
                        Set.of((String[]) rs.getArray("codes").getArray())),
                (Object) ids.toArray(UUID[]::new));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<PartnerView> findByLegalName(String legalName) {
        return repository.findByLegalName(legalName).map(PartnerEntity::view);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<PartnerView> findHeld(UUID id) {
        // one statement: the specialisations in an array rather than a join, which "for share" could not lock
        return jdbc.query("""
                select p.id, p.legal_name, p.country, p.region_code, p.tier, p.status,
                       array(select s.specialization_code from partner_specialization s where s.partner_id = p.id)
                  from partner p where p.id = ? for share""", (rs, n) -> new PartnerView(rs.getObject(1, UUID.class),
                rs.getString(2), rs.getString(3), rs.getString(4), Tier.valueOf(rs.getString(5)),
                PartnerStatus.valueOf(rs.getString(6)), Set.of((String[]) rs.getArray(7).getArray())), id)
                .stream().findFirst();
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

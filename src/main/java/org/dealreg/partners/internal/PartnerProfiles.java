package org.dealreg.partners.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

import org.dealreg.partners.PartnerActivity;
import org.dealreg.partners.PartnerStanding;
import org.dealreg.partners.PartnerStatus;
import org.dealreg.partners.PartnerView;
import org.dealreg.partners.SpecializationView;
import org.dealreg.partners.Specializations;
import org.dealreg.partners.Tier;
import org.dealreg.partners.TierBenefits;
import org.dealreg.program.ExchangeRates;
import org.dealreg.program.FiscalPeriods;
import org.dealreg.program.ProgramSettings;
import org.dealreg.program.RegionView;
import org.dealreg.program.Regions;
import org.dealreg.program.Setting;
import org.dealreg.shared.NotFound;
import org.dealreg.shared.ListOrder;
import org.dealreg.shared.Paging;
import org.dealreg.shared.SearchText;
import org.dealreg.web.Export;
import org.springframework.data.domain.Page;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Builds a partner's profile and its Certified logo, and the managers' list of partners. */
@Service
class PartnerProfiles {

    /** Partners a page: a staff-facing list. */
    static final int PAGE_SIZE = 50;

    private final PartnerRepository partners;
    private final Specializations specializations;
    private final PartnerActivity activity;
    private final PartnerStanding standing;
    private final ProgramSettings settings;
    private final Clock clock;
    private final JdbcTemplate jdbc;
    private final Regions regions;
    private final ExchangeRates rates;

    PartnerProfiles(PartnerRepository partners, Specializations specializations, PartnerActivity activity,
            PartnerStanding standing, ProgramSettings settings, Clock clock, JdbcTemplate jdbc, Regions regions,
            ExchangeRates rates) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.rates = rates;
        this.partners = partners;
        this.specializations = specializations;
        this.activity = activity;
        this.standing = standing;
        this.settings = settings;
        this.clock = clock;
    }

    /** The fiscal year is the reader's current one, in their time zone. */
    @Transactional(readOnly = true)
    public PartnerProfile profile(UUID partnerId, ZoneId zone, Locale locale) {
        PartnerView partner = partners.findById(partnerId).map(PartnerEntity::view)
                .orElseThrow(() -> new NotFound("Partner"));
        FiscalPeriods.Period year = new FiscalPeriods(settings.integer(Setting.FISCAL_YEAR_START_MONTH))
                .at(clock.instant(), zone).year();
        Map<String, BigDecimal> won = activity.wonUsdBySpecialization(partnerId, year.first(), year.last());
        boolean objectives = partner.tier() == Tier.CERTIFIED;
        RegionView region = regions.find(partner.regionCode()).orElseThrow();
        LocalDate regionToday = LocalDate.ofInstant(clock.instant(), region.zone());
        Function<BigDecimal, BigDecimal> local = usd -> usd == null ? null
                : rates.fromUsd(usd, region.currency(), regionToday, RoundingMode.HALF_UP).orElse(null);
        // the ones it holds, and any other it won deals in this year (one it no longer holds, say)
        java.util.Set<String> codes = new java.util.TreeSet<>(partner.specializationCodes());
        codes.addAll(won.keySet());
        Map<String, SpecializationView> catalogue = catalogue(codes);
        List<PartnerProfile.Progress> progress = codes.stream()
                .map(catalogue::get)
                .filter(s -> s != null)
                .sorted(Comparator.comparing((SpecializationView s) -> s.name(locale)))
                .map(s -> {
                    BigDecimal wonUsd = won.getOrDefault(s.code(), BigDecimal.ZERO);
                    BigDecimal objectiveUsd = objectives ? s.objectiveUsd() : null;
                    return new PartnerProfile.Progress(s.code(), s.name(locale), wonUsd, objectiveUsd,
                            local.apply(wonUsd), local.apply(objectiveUsd));
                })
                .toList();
        return new PartnerProfile(partner, TierBenefits.of(partner.tier(), settings),
                activity.openRegistrations(partnerId), year, progress, standing.history(partnerId), region.currency());
    }

    /** The logo of a Certified partner, naming its specialisations in the reader's language; empty for the others. */
    @Transactional(readOnly = true)
    public java.util.Optional<Logo> certifiedLogo(UUID partnerId, Locale locale, String certifiedLabel) {
        PartnerView partner = partners.findById(partnerId).map(PartnerEntity::view)
                .orElseThrow(() -> new NotFound("Partner"));
        if (!TierBenefits.of(partner.tier(), settings).certifiedLogo()) {
            return java.util.Optional.empty();
        }
        Map<String, SpecializationView> catalogue = catalogue(partner.specializationCodes());
        List<String> names = partner.specializationCodes().stream()
                .map(code -> catalogue.containsKey(code) ? catalogue.get(code).name(locale) : code)
                .sorted().toList();
        return java.util.Optional.of(new Logo(partner.legalName(),
                CertifiedLogo.svg(partner.legalName(), certifiedLabel, names)));
    }

    /** The SVG and whose it is (for the file's name). */
    record Logo(String partnerName, String svg) {
    }

    /** The specialisations named by these codes: the active catalogue in one read, a retired one by itself. */
    private Map<String, SpecializationView> catalogue(java.util.Collection<String> codes) {
        Map<String, SpecializationView> byCode = new java.util.HashMap<>();
        specializations.active().forEach(s -> byCode.put(s.code(), s));
        codes.stream().filter(code -> !byCode.containsKey(code))
                .forEach(code -> specializations.find(code).ifPresent(s -> byCode.put(code, s)));
        return byCode;
    }

    /**
     * The managers' list's orders: status then name (the default), company name, country, tier. A legal name is
     * unique whatever its case, so it settles every tie.
     */
    static final ListOrder.Columns ORDERS = ListOrder.columns("lower(legal_name)")
            .ascending("status", "status")
            .ascending("name", "lower(legal_name)")
            .ascending("country", "country")
            .ascending("tier", "tier")
            .byDefault("status");

    /**
     * Which partners the managers' list shows: those whose company name contains the search (any case), of one tier
     * and one status when chosen (null: every one).
     */
    public record ListQuery(SearchText search, Tier tier, PartnerStatus status, ListOrder order) {

        private String where(List<Object> arguments) {
            StringBuilder where = new StringBuilder("true");
            if (!search.isEmpty()) {
                where.append(" and lower(legal_name) like ? escape '\\'");
                arguments.add(search.containedLowerCase());
            }
            if (tier != null) {
                where.append(" and tier = ?");
                arguments.add(tier.name());
            }
            if (status != null) {
                where.append(" and status = ?");
                arguments.add(status.name());
            }
            return where.toString();
        }
    }

    /**
     * One page of the partners the query keeps, in its order: the columns the list shows, in one statement, with its
     * count in another. As entities each partner's specialisations took a statement of their own.
     */
    @Transactional(readOnly = true)
    public Page<ListedPartner> page(ListQuery query, int page) {
        List<Object> arguments = new ArrayList<>();
        String where = query.where(arguments);
        return Paging.page(page, PAGE_SIZE, jdbc, "select count(*) from partner where " + where,
                "select id, legal_name, country, tier, status from partner where %s order by %s limit ? offset ?"
                        .formatted(where, query.order().sql()), PartnerProfiles::listed, arguments);
    }

    /** The partners the query keeps as the managers' list shows them, in its order, handed to the sink as read. */
    @Transactional(readOnly = true)
    public void export(ListQuery query, Consumer<ListedPartner> sink) {
        List<Object> arguments = new ArrayList<>();
        String where = query.where(arguments);
        Export.stream(jdbc, "select id, legal_name, country, tier, status from partner where %s order by %s"
                .formatted(where, query.order().sql()), PartnerProfiles::listed, sink, arguments.toArray());
    }

    private static ListedPartner listed(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new ListedPartner(rs.getObject("id", UUID.class), rs.getString("legal_name"), rs.getString("country"),
                Tier.valueOf(rs.getString("tier")), PartnerStatus.valueOf(rs.getString("status")));
    }

    /** A partner as the managers' list shows it. */
    public record ListedPartner(UUID id, String legalName, String country, Tier tier, PartnerStatus status) {
    }
}

package org.dealreg.partners.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.dealreg.partners.PartnerActivity;
import org.dealreg.partners.PartnerStanding;
import org.dealreg.partners.PartnerView;
import org.dealreg.partners.SpecializationView;
import org.dealreg.partners.Specializations;
import org.dealreg.partners.Tier;
import org.dealreg.partners.TierBenefits;
import org.dealreg.program.FiscalPeriods;
import org.dealreg.program.ProgramSettings;
import org.dealreg.program.Setting;
import org.dealreg.shared.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Builds a partner's profile and its Certified logo. */
@Service
class PartnerProfiles {

    private final PartnerRepository partners;
    private final Specializations specializations;
    private final PartnerActivity activity;
    private final PartnerStanding standing;
    private final ProgramSettings settings;
    private final Clock clock;

    PartnerProfiles(PartnerRepository partners, Specializations specializations, PartnerActivity activity,
            PartnerStanding standing, ProgramSettings settings, Clock clock) {
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
        // the ones it holds, and any other it won deals in this year (one it no longer holds, say)
        java.util.Set<String> codes = new java.util.TreeSet<>(partner.specializationCodes());
        codes.addAll(won.keySet());
        Map<String, SpecializationView> catalogue = catalogue(codes);
        List<PartnerProfile.Progress> progress = codes.stream()
                .map(catalogue::get)
                .filter(s -> s != null)
                .sorted(Comparator.comparing((SpecializationView s) -> s.name(locale)))
                .map(s -> new PartnerProfile.Progress(s.code(), s.name(locale), won.getOrDefault(s.code(), BigDecimal.ZERO),
                        objectives ? s.objectiveUsd() : null))
                .toList();
        return new PartnerProfile(partner, TierBenefits.of(partner.tier(), settings),
                activity.openRegistrations(partnerId), year, progress, standing.history(partnerId));
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

    @Transactional(readOnly = true)
    public List<PartnerView> all() {
        return partners.findAllForManagers().stream().map(PartnerEntity::view).toList();
    }
}

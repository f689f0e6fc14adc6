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
        List<PartnerProfile.Progress> progress = codes.stream()
                .map(code -> specializations.find(code).orElse(null))
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
    public java.util.Optional<String> certifiedLogo(UUID partnerId, Locale locale, String certifiedLabel) {
        PartnerView partner = partners.findById(partnerId).map(PartnerEntity::view)
                .orElseThrow(() -> new NotFound("Partner"));
        if (!TierBenefits.of(partner.tier(), settings).certifiedLogo()) {
            return java.util.Optional.empty();
        }
        List<String> names = partner.specializationCodes().stream()
                .map(code -> specializations.find(code).map(s -> s.name(locale)).orElse(code))
                .sorted().toList();
        return java.util.Optional.of(CertifiedLogo.svg(partner.legalName(), certifiedLabel, names));
    }

    @Transactional(readOnly = true)
    public List<PartnerView> all() {
        return partners.findAllForManagers().stream().map(PartnerEntity::view).toList();
    }
}

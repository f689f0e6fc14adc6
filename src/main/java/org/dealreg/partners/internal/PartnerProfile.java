package org.dealreg.partners.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.UUID;

import org.dealreg.partners.PartnerStanding;
import org.dealreg.partners.PartnerView;
import org.dealreg.partners.TierBenefits;
import org.dealreg.program.FiscalPeriods;

/**
 * A partner as its admin (and its channel managers) see it: its tier and what the tier gives now, how many
 * registrations it has open against its cap, and its progress towards each specialisation's objective this fiscal
 * year.
 */
public record PartnerProfile(PartnerView partner, TierBenefits benefits, long openRegistrations, FiscalPeriods.Period fiscalYear,
        List<Progress> progress, List<PartnerStanding.Change> history, String currency) {

    /**
     * Won revenue in USD against the objective of a specialisation the partner holds; both also in the region's
     * currency at today's rate ({@code null} when that is USD or no rate is known).
     */
    public record Progress(String code, String name, BigDecimal wonUsd, BigDecimal objectiveUsd, BigDecimal won,
            BigDecimal objective) {

        /** Whole per cent of the objective reached, or null when there is no objective to reach. */
        public Integer percent() {
            if (objectiveUsd == null || objectiveUsd.signum() == 0) {
                return null;
            }
            return wonUsd.multiply(BigDecimal.valueOf(100)).divide(objectiveUsd, 0, RoundingMode.DOWN).intValue();
        }
    }

    public UUID id() {
        return partner.id();
    }

    /** Whether the amounts are also shown in the region's currency, the USD figure the rules use beside them. */
    public boolean converted() {
        return progress.stream().anyMatch(p -> p.won() != null);
    }
}

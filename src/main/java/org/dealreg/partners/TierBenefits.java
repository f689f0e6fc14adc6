package org.dealreg.partners;

import org.dealreg.program.ProgramSettings;
import org.dealreg.program.Setting;

/**
 * What a tier gives (DESIGN.md §2), from the programme settings in force: how many registrations may be open at
 * once, the payment terms, the Certified logo and whether revenue objectives apply.
 */
public record TierBenefits(Tier tier, int openRegistrationCap, int paymentTermsDays, boolean certifiedLogo,
        boolean revenueObjectives) {

    public static TierBenefits of(Tier tier, ProgramSettings settings) {
        boolean certified = tier == Tier.CERTIFIED;
        return new TierBenefits(tier,
                settings.integer(certified ? Setting.OPEN_CAP_CERTIFIED : Setting.OPEN_CAP_REGISTERED),
                settings.integer(certified ? Setting.PAYMENT_TERMS_CERTIFIED : Setting.PAYMENT_TERMS_REGISTERED),
                certified, certified);
    }
}
